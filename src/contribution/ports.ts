import type { Transaction } from 'kysely';
import type { AnyDatabase } from '../platform/store/index.js';

export interface Actor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** A report's final illegal assessment: its classification, and when it became final. */
export interface ClassifiedReport {
  reportId: string;
  legalStatus: 'baseline' | 'national';
  category: string;
  ageGroup: string | null;
  imageryClass: string | null;
  at: string;
}

/** The hashes of a report's media item (no file name, URL or byte). */
export interface ReportedMedia {
  reportId: string;
  receivedAt: string;
  mediaType: string | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdqQuality: number | null;
}

export interface BankSummary {
  id: string;
  name: string;
  purpose: string;
}

/** A bank entry as the banks module shows it (hex hashes); the source and reference stay out of the package. */
export interface BankEntry {
  id: string;
  pdq: string | null;
  pdqQuality: number | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  classification: { legalStatus: string; industryCategory: string | null; ageGroup: string | null };
  date: string;
  enabled: boolean;
}

/** What the package is made from, read through the owning modules' services (wired by main.ts). */
export interface ContributionSources {
  classifiedReports(): Promise<ClassifiedReport[]>;
  mediaOf(reportIds: readonly string[]): Promise<ReportedMedia[]>;
  findBank(idOrName: string): Promise<BankSummary | null>;
  bankEntries(bankId: string, after: string | undefined): Promise<{ entries: BankEntry[]; next: string | null }>;
}
