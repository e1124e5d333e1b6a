import { useI18n } from '../../i18n/index.js';
import { useSignedIn } from '../session-context.js';
import type { Claim } from './types.js';

/** Who holds a report now, and until when: the analyst's own claim said so, another's without a name. */
export function ClaimHolder({ claim }: { claim: Claim | null }) {
  const { t, language } = useI18n();
  const { user } = useSignedIn();
  if (!claim) return <>{t('analyst.claim.free')}</>;
  const until = new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(claim.expiresAt));
  return <>{claim.claimedBy === user.id ? t('analyst.claim.mine', { until }) : t('analyst.claim.other', { until })}</>;
}
