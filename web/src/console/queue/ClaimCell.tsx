import { useI18n } from '../../i18n/index.js';
import { useSignedIn } from '../session-context.js';
import type { Claim } from './types.js';

/**
 * Who holds a report now, and until when: the analyst's own claim said so, another's without
 * a name — unless the page knows it (a supervisor who has the list of assignees).
 */
export function ClaimHolder({ claim, nameOf }: { claim: Claim | null; nameOf?: (userId: string) => string | undefined }) {
  const { t, language } = useI18n();
  const { user } = useSignedIn();
  if (!claim) return <>{t('analyst.claim.free')}</>;
  const until = new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(claim.expiresAt));
  if (claim.claimedBy === user.id) return <>{t('analyst.claim.mine', { until })}</>;
  const name = nameOf?.(claim.claimedBy);
  return <>{name ? t('analyst.claim.named', { name, until }) : t('analyst.claim.other', { until })}</>;
}
