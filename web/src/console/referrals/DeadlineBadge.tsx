import { useI18n } from '../../i18n/index.js';
import type { Referral } from './types.js';
import { durationParts, urgencyOf } from './urgency.js';

const symbols = { overdue: '!!', critical: '!', soon: '◷', later: '○', met: '✓', closed: '×' } as const;

/** The deadline in words and in colour (never colour alone): its band, the time left or past, and the date. */
export function DeadlineBadge({ referral, now }: { referral: Referral; now: number }) {
  const { t, language } = useI18n();
  const urgency = urgencyOf(referral, now);
  const { unit, count } = durationParts(Date.parse(referral.deadline) - now);
  const duration = t(`referrals.${unit}`, { count });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(referral.deadline));
  return (
    <span className={`deadline deadline-${urgency}`} data-urgency={urgency}>
      <span className="deadline-band">
        <span aria-hidden="true">{symbols[urgency]} </span>
        {t(`referrals.deadline-band-${urgency}`)}
      </span>
      <span className="deadline-detail">
        {urgency === 'met' || urgency === 'closed' ? t(`referrals.deadline-${urgency}`) : t(`referrals.deadline-${urgency}`, { duration })}
      </span>
      <span className="deadline-date">
        {t('referrals.deadline-until', { milestone: t(`referrals.status.${referral.deadlineStatus}`), date })}
      </span>
    </span>
  );
}
