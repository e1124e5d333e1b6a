import type { Transaction } from 'kysely';
import type { AnyExecutor } from '../platform/jobs/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import type {
  AssessmentMove,
  AssessmentPosition,
  AssessmentQueuePage,
  AssessmentQueueQuery,
  ReportStatus,
  StageCount,
} from '../reports/index.js';
import type { FinalAssessment } from './contracts.js';

/** What this module needs of field encryption (platform/crypto): the notes. */
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

/** One audit entry; `detail` names ids and codes, never a note. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** What this module needs of the job queue: the outbox write. */
export interface JobEnqueuer {
  enqueue<Data extends object>(executor: AnyExecutor, name: string, data: Data, options?: { key?: string }): Promise<string | null>;
}

/**
 * What this module needs of the reports module (its service, wired by main.ts): the queue
 * and its counts, the positions of reports, and the steps that move a report, run in this
 * module's transaction after `lockForAssessment`.
 */
export interface TriageReports {
  assessmentQueue(query: AssessmentQueueQuery): Promise<AssessmentQueuePage>;
  assessmentCounts(): Promise<StageCount[]>;
  assessmentPositionsOf(reportIds: readonly string[]): Promise<AssessmentPosition[]>;
  lockForAssessment(trx: Transaction<AnyDatabase>, reportId: string): Promise<AssessmentPosition | null>;
  moveAssessment(trx: Transaction<AnyDatabase>, actor: Actor, move: AssessmentMove): Promise<ReportStatus>;
}

/**
 * A job another module runs once a report's assessment is final (routing): enqueued in the
 * transaction that makes it final, with `{ reportId, trigger: 'assessed' }`. Its handler
 * reads the assessment through `finalAssessmentOf`, so the dependency points from that
 * module to this one.
 */
export interface AssessmentFollowUp {
  /** The job's queue name. */
  job: string;
  /** Whether this final assessment calls for the job (absent: every one does). */
  wants?(assessment: FinalAssessment): boolean;
}
export interface AssessmentFollowUpData {
  reportId: string;
  trigger: 'assessed';
}

/** An active staff account, without personal data. */
export interface StaffMember {
  id: string;
  roles: readonly string[];
}

/** Whether a staff user may hold a claim (reassignment): an active account with an analyst's role. */
export interface StaffDirectory {
  /** The user's roles, or null when there is no such active user. */
  rolesOf(userId: string): Promise<readonly string[] | null>;
  /** The organisation's active accounts (not disabled), without personal data. */
  activeStaffOf(organisationId: string): Promise<readonly StaffMember[]>;
  /** Users' names only, decrypted by identity, which audits the read (one entry) as the actor's. */
  namesOf(actor: Actor, userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
