import type { BankEntry, BankSummary, ClassifiedReport, ContributionSources, ReportedMedia } from './ports.js';

type Illegal = 'baseline' | 'national';

/** The services the package is made from, as main.ts holds them (structural: only what is used). */
export interface SourceServices {
  triage: {
    finalAssessmentsWith(legalStatuses: readonly Illegal[]): Promise<(Omit<ClassifiedReport, 'legalStatus'> & { legalStatus: string })[]>;
  };
  reports: { mediaHashesOf(reportIds: readonly string[]): Promise<ReportedMedia[]> };
  banks: {
    findBank(idOrName: string): Promise<BankSummary | null>;
    listEntries(bankId: string, filter: { limit: number; after?: string }): Promise<{ entries: BankEntry[]; next: string | null }>;
  };
}

const isIllegal = (status: string): status is Illegal => status === 'baseline' || status === 'national';

/** Triage's final illegal assessments, the reports' media hashes, and the banks' entries. */
export function contributionSourcesFrom({ triage, reports, banks }: SourceServices): ContributionSources {
  return {
    classifiedReports: async () =>
      (await triage.finalAssessmentsWith(['baseline', 'national'])).flatMap((assessment) => {
        const { legalStatus } = assessment;
        return isIllegal(legalStatus) ? [{ ...assessment, legalStatus }] : [];
      }),
    mediaOf: (reportIds) => reports.mediaHashesOf(reportIds),
    findBank: (idOrName) => banks.findBank(idOrName),
    bankEntries: (bankId, after) => banks.listEntries(bankId, { limit: 500, ...(after ? { after } : {}) }),
  };
}
