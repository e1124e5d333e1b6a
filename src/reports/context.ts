import type { Kysely, Transaction } from 'kysely';
import { createGroupCommitter, tablesOf, type AnyDatabase, type GroupCommitter } from '../platform/store/index.js';
import { writeIntakes, type IntakeResult, type IntakeUnit } from './intake-batch.js';
import type { MediaDeps } from './media-ports.js';
import { defaultPdqLinkSettings, ReportPdqIndex, type PdqLinkSettings } from './pdq-links.js';
import type { Actor, AuditBatchWriter, AuditRecord, AuditWriter, IntakeFollowUp, JobEnqueuer, PartnerDirectory, Sealer } from './ports.js';
import type { ReportTables } from './tables.js';

export interface ReportDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  jobs: JobEnqueuer;
  /** Jobs of other modules that follow an intake (detection, URL analysis), wired by main.ts. */
  followUps?: readonly IntakeFollowUp[];
  /** Uploads, the quarantine and known-content detection (media-ports.ts); absent: media by hashes only. */
  media?: MediaDeps;
  /** Organisations and API keys (identity), for the hotel flow's administration; wired by main.ts. */
  partners?: PartnerDirectory;
  /** Many audit entries in one statement; without it, one statement each. */
  auditAll?: AuditBatchWriter;
  /**
   * Intake transactions written at the same time (group commit, see intake-batch.ts): 1 for
   * the embedded database, which runs one transaction at a time; a few on a server.
   */
  intakeConcurrency?: number;
  /** How near two reports' media must be to link them: the deployment's PDQ distance and quality floor (default 31 and 50). */
  linking?: Partial<PdqLinkSettings>;
  now?: () => Date;
}

/** Most intake requests sharing one transaction. */
const intakeBatchSize = 64;

/** What a change may do besides writing its tables, all in the same transaction. */
export interface ChangeTools {
  audit(actor: Actor, record: AuditRecord): Promise<void>;
  auditAll(entries: readonly { actor: Actor; record: AuditRecord }[]): Promise<void>;
  enqueue(name: string, data: object): Promise<void>;
}

/** What every use case of the module works with. */
export class ReportContext {
  readonly db: Kysely<ReportTables>;
  readonly sealer: Sealer;
  readonly now: () => Date;
  readonly followUps: readonly IntakeFollowUp[];
  readonly media: MediaDeps | undefined;
  readonly partners: PartnerDirectory | undefined;
  /** The PDQ hashes of reports' media, for cross-matching; loaded on first use, kept current from the database. */
  readonly pdqIndex: ReportPdqIndex;
  readonly #root: Kysely<AnyDatabase>;
  readonly #audit: AuditWriter;
  readonly #auditAll: AuditBatchWriter;
  readonly #jobs: JobEnqueuer;
  /** Intakes of concurrent requests, committed together and each acknowledged after the commit. */
  readonly intake: GroupCommitter<IntakeUnit, IntakeResult>;

  constructor(deps: ReportDeps) {
    this.#root = deps.db;
    this.db = tablesOf<ReportTables>(deps.db) as Kysely<ReportTables>;
    this.sealer = deps.sealer;
    this.#audit = deps.audit;
    this.#jobs = deps.jobs;
    const audit = deps.audit;
    this.#auditAll =
      deps.auditAll ??
      (async (trx, entries) => {
        for (const { actor, record } of entries) await audit(trx, actor, record);
      });
    this.intake = createGroupCommitter({
      maxBatch: intakeBatchSize,
      maxConcurrent: deps.intakeConcurrency ?? 1,
      write: (units) => this.change((trx, tools) => writeIntakes(this, trx, tools, units)),
    });
    this.followUps = deps.followUps ?? [];
    this.media = deps.media;
    this.partners = deps.partners;
    this.pdqIndex = new ReportPdqIndex(this.db, { ...defaultPdqLinkSettings, ...deps.linking });
    this.now = deps.now ?? (() => new Date());
  }

  /** Runs a change, its audit entries and the jobs that follow it, in one transaction. */
  change<T>(work: (trx: Transaction<ReportTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return this.#root.transaction().execute((trx) => this.within(trx, work));
  }

  /**
   * Runs a change inside a transaction another module opened (a step of its own that moves a
   * report, such as an assessment), so that both commit or neither does.
   */
  within<T>(trx: Transaction<AnyDatabase>, work: (trx: Transaction<ReportTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return work(tablesOf<ReportTables>(trx) as Transaction<ReportTables>, {
      audit: (actor, record) => this.#audit(trx, actor, record),
      auditAll: (entries) => this.#auditAll(trx, entries),
      enqueue: async (name, data) => {
        await this.#jobs.enqueue(trx, name, data);
      },
    });
  }
}
