import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { Actor, AuditRecord, AuditWriter, Sealer } from './ports.js';
import type { SessionSettings } from './sessions.js';
import type { IdentityTables } from './tables.js';

export interface IdentitySettings extends SessionSettings {
  loginMaxFailures: number;
  loginLockMinutes: number;
}

export interface IdentityDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  settings: IdentitySettings;
  now?: () => Date;
}

/** What every use case of the module works with. */
export class IdentityContext {
  readonly db: Kysely<IdentityTables>;
  readonly sealer: Sealer;
  readonly settings: IdentitySettings;
  readonly now: () => Date;
  readonly #root: Kysely<AnyDatabase>;
  readonly #audit: AuditWriter;

  constructor(deps: IdentityDeps) {
    this.#root = deps.db;
    this.db = tablesOf<IdentityTables>(deps.db) as Kysely<IdentityTables>;
    this.sealer = deps.sealer;
    this.#audit = deps.audit;
    this.settings = deps.settings;
    this.now = deps.now ?? (() => new Date());
  }

  /** Runs a change and its audit entries in one transaction. */
  change<T>(
    work: (trx: Transaction<IdentityTables>, audit: (actor: Actor, record: AuditRecord) => Promise<void>) => Promise<T>,
  ): Promise<T> {
    return this.#root
      .transaction()
      .execute((trx) =>
        work(tablesOf<IdentityTables>(trx) as Transaction<IdentityTables>, (actor, record) => this.#audit(trx, actor, record)),
      );
  }
}
