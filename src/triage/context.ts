import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { ConfirmationRule } from './model.js';
import type { Actor, AssessmentFollowUp, AuditRecord, AuditWriter, JobEnqueuer, Sealer, StaffDirectory, TriageReports } from './ports.js';
import type { TriageTables } from './tables.js';

export interface TriageSettings {
  /** VIGIE_ASSESSMENT_CONFIRMATION: a second analyst confirms before an assessment is final, or not. */
  confirmation: ConfirmationRule;
  /** VIGIE_ASSESSMENT_CLAIM_MINUTES: how long a claim holds without being renewed. */
  claimMinutes: number;
}

export interface TriageDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  jobs: JobEnqueuer;
  reports: TriageReports;
  settings: TriageSettings;
  /** Jobs of other modules that follow a final assessment (routing), wired by main.ts. */
  followUps?: readonly AssessmentFollowUp[];
  /** Who may be handed a claim (identity), for reassignment; wired by main.ts. */
  staff?: StaffDirectory;
  now?: () => Date;
}

/** What a change may do besides writing this module's tables, all in the same transaction. */
export interface ChangeTools {
  /** The whole transaction, for the steps the reports module runs in it. */
  root: Transaction<AnyDatabase>;
  audit(actor: Actor, record: AuditRecord): Promise<void>;
  enqueue(name: string, data: object): Promise<void>;
}

/** What every use case of the module works with. */
export class TriageContext {
  readonly db: Kysely<TriageTables>;
  readonly sealer: Sealer;
  readonly reports: TriageReports;
  readonly settings: TriageSettings;
  readonly followUps: readonly AssessmentFollowUp[];
  readonly staff: StaffDirectory | undefined;
  readonly now: () => Date;
  readonly #root: Kysely<AnyDatabase>;
  readonly #audit: AuditWriter;
  readonly #jobs: JobEnqueuer;

  constructor(deps: TriageDeps) {
    this.#root = deps.db;
    this.db = tablesOf<TriageTables>(deps.db) as Kysely<TriageTables>;
    this.sealer = deps.sealer;
    this.reports = deps.reports;
    this.settings = deps.settings;
    this.followUps = deps.followUps ?? [];
    this.staff = deps.staff;
    this.#audit = deps.audit;
    this.#jobs = deps.jobs;
    this.now = deps.now ?? (() => new Date());
  }

  /** Runs a step, the report's move, its audit entries and the jobs that follow it, in one transaction. */
  change<T>(work: (trx: Transaction<TriageTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return this.#root.transaction().execute((root) => this.within(root, work));
  }

  /** The same, inside a transaction another module opened (a hook of main.ts). */
  within<T>(root: Transaction<AnyDatabase>, work: (trx: Transaction<TriageTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return work(tablesOf<TriageTables>(root) as Transaction<TriageTables>, {
      root,
      audit: (actor, record) => this.#audit(root, actor, record),
      enqueue: async (name, data) => {
        await this.#jobs.enqueue(root, name, data);
      },
    });
  }
}
