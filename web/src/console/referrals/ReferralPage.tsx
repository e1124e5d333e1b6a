import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { PageHeading } from '../PageHeading.js';
import { useCan, useSignedIn } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import { DeadlineBadge } from './DeadlineBadge.js';
import { GrantedReport } from './GrantedReport.js';
import { useAddresseeName } from './ReferralTable.js';
import { StatusActions } from './StatusActions.js';
import type { Referral, ReferralDetail } from './types.js';
import './referrals.css';

/** One referral: its deadline, its history, what it grants, and the answers the reader may give. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const api = useStaffApi();
  const session = useSignedIn();
  const mayUpdate = useCan('referral.update');
  const mayUpdateAny = useCan('referral.update-any');
  const mayReadReport = useCan('referral.read-report');
  const addresseeName = useAddresseeName();
  const [referral, setReferral] = useState<ReferralDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    api<ReferralDetail>(`/api/referrals/${encodeURIComponent(id)}`).then(setReferral, (failure: unknown) =>
      setError(isProblem(failure) ? failure.title : t('common.network-error')),
    );
  }, [api, id, t, changed]);

  if (error)
    return (
      <>
        <PageHeading>{t('referrals.view-title')}</PageHeading>
        <p role="alert">{error}</p>
      </>
    );
  if (!referral) return <p role="status">{t('common.loading')}</p>;

  const when = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const incoming = referral.organisation?.id === session.user.organisationId;
  const rows: [string, ReactNode][] = [
    [t('referrals.col-kind'), t(`referrals.kind.${referral.kind}` as MessageKey)],
    [t('referrals.col-to'), addresseeName(referral)],
    [t('referrals.col-status'), t(`referrals.status.${referral.status}`)],
    [t('referrals.col-deadline'), <DeadlineBadge key="deadline" referral={referral} now={now} />],
    [t('referrals.urgency'), referral.urgent ? t('referrals.urgent') : t('referrals.urgency-normal')],
    [t('referrals.countries'), referral.countries.length > 0 ? referral.countries.join(', ') : '—'],
    [t('referrals.rule'), t('referrals.rule-value', { ...referral.rule })],
    [t('referrals.col-created'), when(referral.createdAt)],
  ];
  function onChanged(updated: Referral) {
    setNow(Date.now());
    setChanged(`${updated.status}-${updated.id}-${Date.now()}`);
  }
  return (
    <>
      <PageHeading>
        {t('referrals.view-title')} — {t(`referrals.kind.${referral.kind}` as MessageKey)}
      </PageHeading>
      <p>
        <Link to="/referrals">{t('referrals.back')}</Link>
      </p>
      {changed && (
        <p role="status" className="success">
          {t('referrals.changed', { status: t(`referrals.status.${referral.status}`) })}
        </p>
      )}
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {mayUpdate && (incoming || mayUpdateAny) && <StatusActions key={referral.status} referral={referral} onChanged={onChanged} />}
      {mayReadReport && incoming && <GrantedReport referralId={referral.id} grant={referral.grant} />}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('referrals.history')}</h2>
        <ol className="referral-history">
          {referral.history.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <time dateTime={event.at}>{when(event.at)}</time> — {t(`referrals.event.${event.event}`)}:{' '}
              {t(`referrals.status.${event.status}`)}
              {event.reason && <> ({t(`referrals.reason.${event.reason}`)})</>}
              {event.outcome && <> ({t(`referrals.outcome.${event.outcome}`)})</>}{' '}
              {event.actor.type === 'user' ? t('referrals.event-by-person') : t('referrals.event-by-system')}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
