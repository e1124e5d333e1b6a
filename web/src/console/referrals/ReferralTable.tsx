import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { DeadlineBadge } from './DeadlineBadge.js';
import type { Referral } from './types.js';
import { byUrgency } from './urgency.js';

/** Who a referral goes to: its organisation, or a notice's abuse contact. */
export function useAddresseeName() {
  const { t } = useI18n();
  return (referral: Referral): string =>
    referral.organisation?.name ??
    referral.addressee?.name ??
    referral.addressee?.network ??
    referral.addressee?.emails[0] ??
    t('referrals.no-organisation');
}

/** One side of the board, most urgent first. */
export function ReferralTable({ id, caption, rows, now }: { id: string; caption: string; rows: readonly Referral[]; now: number }) {
  const { t, language } = useI18n();
  const addresseeName = useAddresseeName();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  if (rows.length === 0) return <p>{t('referrals.none')}</p>;
  return (
    <table className="referrals" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('referrals.col-deadline')}</th>
          <th scope="col">{t('referrals.col-kind')}</th>
          <th scope="col">{t('referrals.col-to')}</th>
          <th scope="col">{t('referrals.col-status')}</th>
          <th scope="col">{t('referrals.col-created')}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows].sort(byUrgency(now)).map((row) => (
          <tr key={row.id} data-referral={row.id}>
            <td>
              <DeadlineBadge referral={row} now={now} />
            </td>
            <td>
              <Link to={`/referrals/${row.id}`}>{t(`referrals.kind.${row.kind}` as MessageKey)}</Link>
              {row.urgent && <span className="tag urgent">{t('referrals.urgent')}</span>}
            </td>
            <td>{addresseeName(row)}</td>
            <td>
              {t(`referrals.status.${row.status}`)}
              {row.escalatedAt && !row.deadlineMet && <span className="tag escalated">{t('referrals.escalated')}</span>}
            </td>
            <td>{when.format(new Date(row.createdAt))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
