import { sealedColumn } from '../platform/crypto/index.js';

/** The job that recomputes the list from its sources and writes a version when it changed. */
export const refreshBlocklistJob = 'blocklist.refresh';
/** The follow-up of an illegal final assessment (triage): asks for one refresh, however many assessments come at once. */
export const blocklistAfterAssessmentJob = 'blocklist.after-assessment';

/** The formats a download may take. */
export const blocklistFormats = ['txt', 'csv', 'json'] as const;
export type BlocklistFormat = (typeof blocklistFormats)[number];

/** The legal statuses that put a report's URLs on the list: illegal everywhere, or in this country. */
export const listedLegalStatuses = ['baseline', 'national'] as const;

/** The name of the JSON documents' format, for partners who keep several. */
export const jsonFormatName = 'vigie-blocklist/1';

/** The lock every version write takes exclusively and every download shares: a download reads one version whole. */
export const blocklistLockName = 'blocklist';

export const blocklistSealedColumns = [sealedColumn({ table: 'blocklist_urls', column: 'url_sealed', idColumn: 'url_key' })] as const;

export const sealedUrlContext = (urlKey: string) => `blocklist_urls.url_sealed:${urlKey}`;

/** A URL on the list. */
export interface ListedUrl {
  url: string;
  addedAt: string;
  addedVersion: number;
}

/** A URL taken off the list. */
export interface UnlistedUrl {
  url: string;
  removedAt: string;
  removedVersion: number;
}

/** A version of the list: its number, when it was written, its size and what it changed. */
export interface BlocklistVersion {
  version: number;
  createdAt: string;
  size: number;
  added: number;
  removed: number;
}

/** The whole list at a version (0: nothing listed yet). */
export interface BlocklistSnapshot {
  version: number;
  createdAt: string | null;
  urls: ListedUrl[];
}

/** The exact difference between the list at `since` and at `version`. */
export interface BlocklistDiff {
  version: number;
  since: number;
  createdAt: string | null;
  added: ListedUrl[];
  removed: UnlistedUrl[];
}
