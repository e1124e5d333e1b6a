import type { Transaction } from 'kysely';
import type { AnyDatabase } from '../platform/store/index.js';
import type { GrantablePart, GrantedReport, GrantReader } from '../reports/index.js';

/** What this module needs of field encryption (platform/crypto). */
export interface Sealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export interface Actor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

/** One audit entry; `detail` names fields, counts and ids, never personal values. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** The organisations of the deployment (identity's), to address referrals and name them. */
export interface OrganisationDirectory {
  listOrganisations(): Promise<readonly { id: string; name: string; kind: string; country: string | null }[]>;
}

/** A report's cluster (the reports module's cross-matching): every report linked to it, directly or not. */
export interface ReportCluster {
  reportIds: string[];
  links: { a: string; b: string; reasons: string[] }[];
  /** How many reports the cluster holds, and whether more are held than listed. */
  size?: number;
  truncated?: boolean;
}

/** What this module needs of the reports module (its service, wired by main.ts). */
export interface ReferralReports {
  /** The granted parts of a report, decrypted and audited as one read under the referral. */
  readGrantedReport(reader: GrantReader, id: string, parts: readonly GrantablePart[]): Promise<GrantedReport>;
  /** The report's staff view (no personal data): whether it exists, and its direct links. */
  readReport(id: string): Promise<{ id: string; links: { reportId: string; kinds: string[] }[] }>;
  /** The whole cluster, where the reports module computes it; otherwise the direct links stand in. */
  clusterOf?(reportId: string): Promise<ReportCluster>;
}

/** What this module needs to define its job. */
export interface JobDefiner {
  define<Data extends object>(
    name: string,
    handler: (job: { id: string; data: Data }) => Promise<void>,
    options?: { retryLimit?: number; expireSeconds?: number },
  ): void;
}

/** A referral just made, as another module's hook sees it (its kind, addressee and report). */
export interface CreatedReferral {
  id: string;
  reportId: string;
  kind: string;
  organisationId: string | null;
}

/**
 * Called for each referral made, inside the transaction that makes it, so that another
 * module's follow-up (the exchange's forwarding job) commits with the referral or not at all.
 */
export type ReferralCreatedHook = (trx: Transaction<AnyDatabase>, referral: CreatedReferral) => Promise<void>;
