import type { Kysely, Selectable, Transaction } from 'kysely';
import { createBatchLoader, tablesOf, type AnyDatabase, type BatchLoader } from '../platform/store/index.js';
import type { Actor, AuditRecord, AuditWriter, Sealer } from './ports.js';
import type { SessionSettings } from './sessions.js';
import type { ApiKeysTable, IdentityTables } from './tables.js';

export interface IdentitySettings extends SessionSettings {
  loginMaxFailures: number;
  loginLockMinutes: number;
}

/** What other modules do in the transaction that disables an account (triage frees its claims); wired by main.ts. */
export type AccountDisabledHook = (trx: Transaction<AnyDatabase>, actor: Actor, userId: string) => Promise<void>;

export interface IdentityDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  settings: IdentitySettings;
  onAccountDisabled?: AccountDisabledHook;
  now?: () => Date;
}

/** What every use case of the module works with. */
export class IdentityContext {
  readonly db: Kysely<IdentityTables>;
  readonly sealer: Sealer;
  readonly settings: IdentitySettings;
  readonly now: () => Date;
  readonly onAccountDisabled: AccountDisabledHook | undefined;
  /** API keys by id, the lookups of concurrent requests read together (authentication under load). */
  readonly apiKeys: BatchLoader<string, Selectable<ApiKeysTable>>;
  readonly #root: Kysely<AnyDatabase>;
  readonly #audit: AuditWriter;

  constructor(deps: IdentityDeps) {
    this.#root = deps.db;
    this.db = tablesOf<IdentityTables>(deps.db) as Kysely<IdentityTables>;
    this.sealer = deps.sealer;
    this.#audit = deps.audit;
    this.settings = deps.settings;
    this.now = deps.now ?? (() => new Date());
    this.onAccountDisabled = deps.onAccountDisabled;
    this.apiKeys = createBatchLoader(async (ids) => {
      const rows = await this.db.selectFrom('api_keys').selectAll().where('id', 'in', ids).execute();
      return new Map(rows.map((row) => [row.id, row]));
    });
  }

  /** Runs a change and its audit entries in one transaction. */
  change<T>(
    work: (
      trx: Transaction<IdentityTables>,
      audit: (actor: Actor, record: AuditRecord) => Promise<void>,
      root: Transaction<AnyDatabase>,
    ) => Promise<T>,
  ): Promise<T> {
    return this.#root
      .transaction()
      .execute((trx) =>
        work(tablesOf<IdentityTables>(trx) as Transaction<IdentityTables>, (actor, record) => this.#audit(trx, actor, record), trx),
      );
  }
}
