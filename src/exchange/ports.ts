import type { Transaction } from 'kysely';
import type { JobQueue } from '../platform/jobs/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import type { GrantablePart, GrantedReport, GrantReader, ReportContent } from '../reports/index.js';

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

/** One audit entry; `detail` names ids and counts, never personal values. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** The job queue (platform/jobs): the outbox, and the definition of this module's jobs. */
export type Jobs = Pick<JobQueue, 'enqueue' | 'define'>;

/** What this module needs of the reports module. */
export interface ExchangeReports {
  readGrantedReport(reader: GrantReader, id: string, parts: readonly GrantablePart[]): Promise<GrantedReport>;
  submitForwardedReport(
    from: { actor: Actor; organisationId: string },
    messageKey: string,
    content: ReportContent,
  ): Promise<{ replayed: boolean; receipt: { reportId: string; receivedAt: string } }>;
  assessmentPositionsOf(reportIds: readonly string[]): Promise<readonly { reportId: string; stage: string }[]>;
}

/** What this module needs of the referrals module. */
export interface ExchangeReferrals {
  referralsOf(reportIds: readonly string[]): Promise<readonly { reportId: string; referralId: string; kind: string; status: string }[]>;
  changeStatusIn(
    trx: Transaction<AnyDatabase>,
    actor: Actor,
    id: string,
    change: { status: 'received' | 'accepted' | 'done'; outcome?: 'content_removed' },
  ): Promise<{ status: string }>;
}

/** The deployment's organisations (identity's), to link a partner to its hotline. */
export interface OrganisationDirectory {
  listOrganisations(): Promise<readonly { id: string; name: string; kind: string; country: string | null }[]>;
}
