import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { HostStatsTable } from './HostStatsTable.js';
import { HostUrls } from './HostUrls.js';
import { noticeStates } from './types.js';
import { useTakedowns } from './use-takedowns.js';
import './takedowns.css';

/**
 * The takedown tracker: notices to hosts grouped by host, each URL with where its removal
 * stands (still served first), the time since its first notice, the re-notices, the last
 * check and the time to removal; analysts stop or resume the re-sending. State in words and
 * symbols, never colour alone.
 */
export function TakedownsPage() {
  const { t } = useI18n();
  const canStop = useCan('takedown.stop');
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const [chosen, setChosen] = useState(state);
  const { tracker, hosts, error, setStopped, failed } = useTakedowns(state);
  const [done, setDone] = useState('');
  const notices = useMemo(() => new Map((tracker?.notices ?? []).map((notice) => [notice.referralId, notice])), [tracker]);
  const now = tracker ? Date.parse(tracker.generatedAt) : 0;
  const onStop = (referralId: string, stop: boolean) => {
    setDone('');
    setStopped(referralId, stop).then(() => setDone(t(stop ? 'takedowns.stopped-done' : 'takedowns.resumed-done')), failed);
  };
  return (
    <>
      <PageHeading>{t('takedowns.title')}</PageHeading>
      <p className="hint">{t('takedowns.intro')}</p>
      {tracker?.mailNotConfigured && (
        <p className="takedown-mail-missing" role="note">
          {t('takedowns.mail-not-configured', { setting: tracker.mailNotConfigured })}
        </p>
      )}
      <form
        className="takedown-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(chosen ? new URLSearchParams({ state: chosen }) : new URLSearchParams());
        }}
      >
        <SelectField
          id="takedown-state"
          label={t('takedowns.filter-state')}
          value={chosen}
          placeholder={t('takedowns.filter-any')}
          options={noticeStates.map((value) => ({ value, label: t(`takedowns.state.${value}`) }))}
          onChange={setChosen}
        />
        <button type="submit" className="secondary">
          {t('takedowns.apply')}
        </button>
      </form>
      <p role="status" className="takedown-done">
        {done}
      </p>
      {error && <p role="alert">{error}</p>}
      {!tracker && !error && <p role="status">{t('common.loading')}</p>}
      {tracker && tracker.hosts.length === 0 && <p>{t('takedowns.none')}</p>}
      {tracker?.hosts.map((group) => (
        <HostUrls
          key={group.host}
          host={group.host}
          urls={group.urls}
          notices={notices}
          now={now}
          canStop={canStop}
          onStop={onStop}
          mailMissing={tracker.mailNotConfigured !== null}
        />
      ))}
      {hosts.length > 0 && <HostStatsTable hosts={hosts} />}
    </>
  );
}
