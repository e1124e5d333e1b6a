import type { Transaction } from 'kysely';
import type { AnyExecutor } from '../platform/jobs/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import type { PlannedReferral, ReferralIntent, RoutingOutcome, RoutingRun } from '../referrals/index.js';
import type { AgeGroup, Category, Channel } from '../reports/index.js';
import type { UrlAnalysis } from '../urls/index.js';
import type { ImageryClass, LegalStatus } from '../triage/index.js';

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

/** What routing reads of a report: the staff view, without personal data. */
export interface ReportFactsView {
  id: string;
  category: Category;
  urgent: boolean;
  channel: Channel;
  countries: string[];
  receivedAt: string;
  knownContent: boolean;
  ageGroup: AgeGroup | null;
  counts: { urls: number; children: number };
  hotel: object | null;
}

/** What this module needs of the reports module (its service, wired by main.ts). */
export interface RoutingReports {
  readReport(id: string): Promise<ReportFactsView>;
  listReports(filter: {
    receivedFrom?: string;
    receivedTo?: string;
    limit?: number;
    cursor?: string;
  }): Promise<{ reports: { id: string }[]; next: string | null }>;
}

/** What this module needs of the URL analysis: where each URL of a report is hosted. */
export interface RoutingUrls {
  urlAnalysesOf(reportIds: readonly string[]): Promise<UrlAnalysis[]>;
}

/** Triage's final assessment of a report (the contract `finalAssessmentOf`), or null. */
export interface AssessmentFacts {
  legalStatus: LegalStatus;
  category: Category;
  ageGroup: AgeGroup | null;
  imageryClass: ImageryClass | null;
}
export interface AssessmentSource {
  finalAssessmentOf(reportId: string): Promise<AssessmentFacts | null>;
}

/** What this module needs of referrals: targets resolved to organisations, and the decision recorded. */
export interface RoutingReferrals {
  planReferrals(intents: readonly ReferralIntent[]): Promise<PlannedReferral[]>;
  recordRouting(run: RoutingRun): Promise<RoutingOutcome>;
  targetsOf(reportIds: readonly string[]): Promise<{ reportId: string; target: string; referralId: string }[]>;
}

/** What this module needs of the job queue. */
export interface JobEnqueuer {
  enqueue<Data extends object>(
    executor: AnyExecutor,
    name: string,
    data: Data,
    options?: { startAfterSeconds?: number },
  ): Promise<string | null>;
}

export interface JobDefiner {
  define<Data extends object>(
    name: string,
    handler: (job: { id: string; data: Data }) => Promise<void>,
    options?: { retryLimit?: number; expireSeconds?: number },
  ): void;
}

/** Logs carry ids and counts, never a URL, a host or a person. */
export interface RoutingLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
}
