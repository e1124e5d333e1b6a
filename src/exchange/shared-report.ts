import type { GrantablePart, GrantedReport } from '../reports/index.js';
import type { SharedReport } from './contracts.js';

/**
 * The withholding rule (README, "What is shared"): a partner hotline receives what a referral
 * of kind `partner_hotline` grants — where the content is and its hashes — and the
 * category, urgency, dates and language. The reporter (who they are, how to reach them,
 * their role), the narrative, places, online identifiers, children and reported persons stay
 * with the deployment that received the report. Only these parts are decrypted.
 */
export const sharedParts: readonly GrantablePart[] = ['urls', 'media'];

/** The shared report of a granted read: the report's URLs and media, and those of its additions. */
export function sharedReportOf(granted: GrantedReport): SharedReport {
  const { report } = granted;
  const urls = [...new Set([...(report.urls ?? []), ...granted.additions.flatMap((addition) => addition.urls ?? [])])].slice(0, 100);
  const media = [...(report.media ?? []), ...granted.additions.flatMap((addition) => addition.media ?? [])].slice(0, 100);
  return {
    category: report.category,
    childInImmediateDanger: report.childInImmediateDanger ?? false,
    ...(report.occurredAt !== undefined ? { occurredAt: report.occurredAt } : {}),
    ...(report.submittedAt !== undefined ? { submittedAt: report.submittedAt } : {}),
    ...(report.language !== undefined ? { language: report.language } : {}),
    ...(urls.length > 0 ? { urls } : {}),
    ...(media.length > 0 ? { media } : {}),
  };
}
