import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../../platform/store/index.js';
import { recordChanges, type ChangeSet } from './changes.js';
import type { Actor, AuditRecord, AuditWriter, JobEnqueuer } from './ports.js';
import type { BankTables } from './tables.js';

export interface BankDeps {
  db: Kysely<AnyDatabase>;
  audit: AuditWriter;
  jobs: JobEnqueuer;
  now?: () => Date;
}

/** What a change may do besides writing its tables, all in the same transaction. */
export interface ChangeTools {
  audit(actor: Actor, record: AuditRecord): Promise<void>;
  enqueue(name: string, data: object): Promise<void>;
  /** These entries were added or changed: every matching index must look at them again. */
  entriesChanged(ids: Iterable<string>): void;
  /** This bank was enabled or disabled: every matching index must look at its entries again. */
  bankChanged(id: string): void;
}

/** What every use case of the module works with. */
export class BankContext {
  readonly db: Kysely<BankTables>;
  readonly now: () => Date;
  readonly #root: Kysely<AnyDatabase>;
  readonly #audit: AuditWriter;
  readonly #jobs: JobEnqueuer;

  constructor(deps: BankDeps) {
    this.#root = deps.db;
    this.db = tablesOf<BankTables>(deps.db) as Kysely<BankTables>;
    this.#audit = deps.audit;
    this.#jobs = deps.jobs;
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Runs a change, its audit entries, its jobs and its entry in the change log, in one
   * transaction. The change log is written last (it takes the version's row lock).
   */
  change<T>(work: (trx: Transaction<BankTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return this.#root.transaction().execute(async (trx) => {
      const changes: ChangeSet = { entryIds: new Set(), bankIds: new Set() };
      const own = tablesOf<BankTables>(trx) as Transaction<BankTables>;
      const result = await work(own, {
        audit: (actor, record) => this.#audit(trx, actor, record),
        enqueue: async (name, data) => {
          await this.#jobs.enqueue(trx, name, data);
        },
        entriesChanged: (ids) => {
          for (const id of ids) changes.entryIds.add(id);
        },
        bankChanged: (id) => changes.bankIds.add(id),
      });
      await recordChanges(own, changes);
      return result;
    });
  }
}
