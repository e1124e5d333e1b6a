import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type {
  Actor,
  AssessmentSource,
  AuditRecord,
  AuditWriter,
  JobEnqueuer,
  RoutingLogger,
  RoutingReferrals,
  RoutingReports,
  RoutingUrls,
} from './ports.js';
import type { RoutingTables } from './tables.js';

export interface RoutingDeps {
  db: Kysely<AnyDatabase>;
  audit: AuditWriter;
  jobs: JobEnqueuer;
  reports: RoutingReports;
  urls: RoutingUrls;
  /** Triage's final assessments (`finalAssessmentOf`), wired by main.ts. */
  assessments: AssessmentSource;
  referrals: RoutingReferrals;
  /** VIGIE_HOME_COUNTRY: content hosted there goes to the national police, elsewhere to the partner. */
  homeCountry: string;
  logger?: RoutingLogger;
  now?: () => Date;
}

export interface ChangeTools {
  audit(actor: Actor, record: AuditRecord): Promise<void>;
}

/** What every use case of the module works with. */
export class RoutingContext {
  readonly db: Kysely<RoutingTables>;
  readonly deps: RoutingDeps;
  readonly now: () => Date;
  readonly #root: Kysely<AnyDatabase>;

  constructor(deps: RoutingDeps) {
    this.deps = deps;
    this.#root = deps.db;
    this.db = tablesOf<RoutingTables>(deps.db) as Kysely<RoutingTables>;
    this.now = deps.now ?? (() => new Date());
  }

  /** The database as the job queue takes it (the outbox writes through it). */
  get root(): Kysely<AnyDatabase> {
    return this.#root;
  }

  /** Runs a change and its audit entries in one transaction. */
  change<T>(work: (trx: Transaction<RoutingTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return this.#root.transaction().execute((trx) =>
      work(tablesOf<RoutingTables>(trx) as Transaction<RoutingTables>, {
        audit: (actor, record) => this.deps.audit(trx, actor, record),
      }),
    );
  }
}
