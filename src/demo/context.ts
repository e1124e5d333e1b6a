import type { Kysely, Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { Actor, AuditRecord, AuditWriter, DemoServices } from './ports.js';
import type { DemoTables } from './tables.js';

export interface DemoDeps {
  db: Kysely<AnyDatabase>;
  audit: AuditWriter;
  services: DemoServices;
  /** The embedded database: where the setup page offers the demonstration. */
  embedded: boolean;
  now?: () => Date;
}

export interface DemoContext {
  db: Kysely<DemoTables>;
  services: DemoServices;
  embedded: boolean;
  now: () => Date;
  change<T>(work: (trx: Transaction<DemoTables>, audit: (actor: Actor, record: AuditRecord) => Promise<void>) => Promise<T>): Promise<T>;
}

export function demoContextOf(deps: DemoDeps): DemoContext {
  const db = tablesOf<DemoTables>(deps.db) as Kysely<DemoTables>;
  return {
    db,
    services: deps.services,
    embedded: deps.embedded,
    now: deps.now ?? (() => new Date()),
    change: (work) =>
      deps.db
        .transaction()
        .execute((trx) => work(tablesOf<DemoTables>(trx) as Transaction<DemoTables>, (actor, record) => deps.audit(trx, actor, record))),
  };
}
