/** What this module needs of field encryption (platform/crypto). */
export interface Sealer {
  seal(plaintext: string, context: string): string;
  blindIndex(value: string, purpose: string): string;
}

/** A reported URL, decrypted, as the reports module hands it over. */
export interface UrlItem {
  itemId: string;
  reportId: string;
  url: string;
}

export type UrlMatchKind = 'canonical_url' | 'domain_path';

/**
 * What this module needs of the reports module (its service, wired by main.ts): the URLs
 * of reports, read as one audited system read per job; match keys added to reports, so
 * that cross-matching links on them; whether a report exists.
 */
export interface UrlReports {
  readUrlsForAnalysis(reportIds: readonly string[], reader: { jobId: string }): Promise<UrlItem[]>;
  addUrlMatchKeys(keys: readonly { reportId: string; kind: UrlMatchKind; value: string }[]): Promise<number>;
  reportExists(id: string): Promise<boolean>;
}

/** What this module needs to define its job. */
export interface JobDefiner {
  define<Data extends object>(
    name: string,
    handler: (job: { id: string; data: Data }) => Promise<void>,
    options?: { retryLimit?: number; expireSeconds?: number },
  ): void;
}

/** Logs carry counts, outcomes and ids, never a URL or a host. */
export interface UrlLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
}
