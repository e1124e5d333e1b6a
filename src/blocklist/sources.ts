import { listedLegalStatuses } from './model.js';
import type { BlocklistSources, IllegalReport, Removal, ReportedUrl } from './ports.js';

/** The services the list is recomputed from, as main.ts holds them (structural: only what is used). */
export interface SourceServices {
  triage: { finalAssessmentsWith(legalStatuses: readonly (typeof listedLegalStatuses)[number][]): Promise<IllegalReport[]> };
  reports: { readUrlsForAnalysis(reportIds: readonly string[], reader: { jobId: string; purpose: string }): Promise<ReportedUrl[]> };
  referrals: { confirmedRemovals(reportIds: readonly string[]): Promise<Removal[]> };
}

const chunkSize = 5000;

async function inChunks<T>(ids: readonly string[], read: (chunk: readonly string[]) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let start = 0; start < ids.length; start += chunkSize) all.push(...(await read(ids.slice(start, start + chunkSize))));
  return all;
}

/** Triage's final illegal assessments, the reports' URLs (read audited, purpose `blocklist`), referrals' confirmed removals. */
export function blocklistSourcesFrom({ triage, reports, referrals }: SourceServices): BlocklistSources {
  return {
    illegalReports: async () =>
      (await triage.finalAssessmentsWith(listedLegalStatuses)).map((assessment) => ({ reportId: assessment.reportId, at: assessment.at })),
    urlsOf: (reportIds, reader) =>
      inChunks(reportIds, (chunk) => reports.readUrlsForAnalysis(chunk, { jobId: reader.jobId, purpose: 'blocklist' })),
    removalsOf: (reportIds) => inChunks(reportIds, (chunk) => referrals.confirmedRemovals(chunk)),
  };
}
