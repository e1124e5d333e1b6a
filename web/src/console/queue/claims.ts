import type { Claim } from './types.js';

/** Where a claimed report is worked: the assessment form, or the second analyst's confirmation view. */
export function workPathOf(claim: Pick<Claim, 'reportId' | 'purpose'>): string {
  return `/reports/${claim.reportId}/${claim.purpose === 'confirm' ? 'confirm' : 'assess'}`;
}

export const claimPath = (reportId: string) => `/api/triage/reports/${encodeURIComponent(reportId)}/claim`;
