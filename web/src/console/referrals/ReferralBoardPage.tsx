import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { ReferralTable } from './ReferralTable.js';
import { referralStatuses } from './types.js';
import { useReferralList } from './use-referral-list.js';
import './referrals.css';

function Side({
  direction,
  status,
  title,
  caption,
}: {
  direction: 'incoming' | 'outgoing';
  status: string;
  title: string;
  caption: string;
}) {
  const { t } = useI18n();
  const { rows, next, error, loaded, more } = useReferralList(direction, status, true);
  const [now] = useState(() => Date.now());
  return (
    <section aria-labelledby={`${direction}-title`} className="referral-side">
      <h2 id={`${direction}-title`}>
        {title}{' '}
        <span className="count">
          ({rows.length}
          {next ? '+' : ''})
        </span>
      </h2>
      {error && <p role="alert">{error}</p>}
      {loaded ? (
        <ReferralTable id={`${direction}-referrals`} caption={caption} rows={rows} now={now} />
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      {next && (
        <button type="button" className="secondary" onClick={more}>
          {t('referrals.more')}
        </button>
      )}
    </section>
  );
}

/**
 * The referrals board: those addressed to the reader's organisation, and — for the hotline's
 * staff, whom the server lets see every referral — those made to others. Deadlines in colour
 * and in words.
 */
export function ReferralBoardPage() {
  const { t } = useI18n();
  const seesOutgoing = useCan('referral.list-any');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const [chosen, setChosen] = useState(status);
  return (
    <>
      <PageHeading>{t('referrals.title')}</PageHeading>
      <p className="hint">{t('referrals.intro')}</p>
      <form
        className="referral-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(chosen ? new URLSearchParams({ status: chosen }) : new URLSearchParams());
        }}
      >
        <SelectField
          id="referral-status"
          label={t('referrals.filter-status')}
          value={chosen}
          placeholder={t('referrals.filter-any')}
          options={referralStatuses.map((value) => ({ value, label: t(`referrals.status.${value}`) }))}
          onChange={setChosen}
        />
        <button type="submit" className="secondary">
          {t('referrals.apply')}
        </button>
      </form>
      <div className="referral-board">
        <Side
          key={`in-${status}`}
          direction="incoming"
          status={status}
          title={t('referrals.incoming')}
          caption={t('referrals.incoming-caption')}
        />
        {seesOutgoing && (
          <Side
            key={`out-${status}`}
            direction="outgoing"
            status={status}
            title={t('referrals.outgoing')}
            caption={t('referrals.outgoing-caption')}
          />
        )}
      </div>
    </>
  );
}
