import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { NoticeSender } from './notice-templates.js';
import type { Actor, AuditRecord, AuditWriter, NoticeMail, NoticeReferrals, NoticeReports, Sealer, TakedownLogger } from './ports.js';
import type { RemovalCheck, RemovalCheckOptions } from './removal-check.js';
import type { ActionTables } from './tables.js';
import type { TakedownSettings } from './takedown-settings.js';

export interface TakedownDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  referrals: NoticeReferrals;
  reports: NoticeReports;
  mail: NoticeMail;
  sender: NoticeSender;
  settings: TakedownSettings;
  removalCheck: RemovalCheckOptions;
  /** The checker; `checkRemoval` unless a benchmark counts calls. */
  check?: (url: string, options: RemovalCheckOptions) => Promise<RemovalCheck>;
  logger?: TakedownLogger;
  now?: () => Date;
}

export interface ChangeTools {
  audit(actor: Actor, record: AuditRecord): Promise<void>;
  /** The transaction as other modules take it (the outbox, referrals). */
  root: Transaction<AnyDatabase>;
}

export const systemActor: Actor = { actorType: 'system', actorId: null };

/** What every use case of the notice workflow works with. */
export class TakedownContext {
  readonly db: Kysely<ActionTables>;
  readonly now: () => Date;
  readonly #root: Kysely<AnyDatabase>;

  constructor(readonly deps: TakedownDeps) {
    this.#root = deps.db;
    this.db = tablesOf<ActionTables>(deps.db) as Kysely<ActionTables>;
    this.now = deps.now ?? (() => new Date());
  }

  /** A change and its audit entries in one transaction. */
  change<T>(work: (trx: Transaction<ActionTables>, tools: ChangeTools) => Promise<T>): Promise<T> {
    return this.#root.transaction().execute((trx) =>
      work(tablesOf<ActionTables>(trx) as Transaction<ActionTables>, {
        audit: (actor, record) => this.deps.audit(trx, actor, record),
        root: trx,
      }),
    );
  }
}
