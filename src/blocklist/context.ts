import { createHmac } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import { blocklistLockName, type BlocklistSnapshot } from './model.js';
import type { AuditWriter, BlocklistSources, JobQueuePort, Sealer } from './ports.js';
import type { BlocklistTables } from './tables.js';

export interface BlocklistDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  audit: AuditWriter;
  jobs: JobQueuePort;
  sources: BlocklistSources;
  /** A secret of the deployment (derived from its key ring) that keys the URLs' lookup hashes. */
  urlKeySecret: Uint8Array;
  now?: () => Date;
}

/** What every use case of the module works with. */
export class BlocklistContext {
  readonly root: Kysely<AnyDatabase>;
  readonly db: Kysely<BlocklistTables>;
  readonly sealer: Sealer;
  readonly audit: AuditWriter;
  readonly jobs: JobQueuePort;
  readonly sources: BlocklistSources;
  readonly now: () => Date;
  /**
   * The last whole list this process opened: a version never changes once written, so a
   * download of the same version serves it without opening every URL again.
   */
  snapshot: BlocklistSnapshot | null = null;
  readonly #urlKeySecret: Uint8Array;

  constructor(deps: BlocklistDeps) {
    this.root = deps.db;
    this.db = tablesOf<BlocklistTables>(deps.db) as Kysely<BlocklistTables>;
    this.sealer = deps.sealer;
    this.audit = deps.audit;
    this.jobs = deps.jobs;
    this.sources = deps.sources;
    this.#urlKeySecret = deps.urlKeySecret;
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * The key of a canonical URL: a keyed hash, exact (case kept: a path is case-sensitive, so
   * the blind index, which lowers case, would not do), so the list compares URLs sealed.
   */
  keyOf(canonical: string): string {
    return createHmac('sha256', this.#urlKeySecret).update(canonical).digest('base64url');
  }

  /** A transaction holding the list's lock: exclusive to write a version, shared to read one whole. */
  locked<T>(mode: 'write' | 'read', work: (trx: Transaction<AnyDatabase>) => Promise<T>): Promise<T> {
    return this.root.transaction().execute(async (trx) => {
      if (mode === 'write') await sql`select pg_advisory_xact_lock(hashtext(${blocklistLockName}))`.execute(trx);
      else await sql`select pg_advisory_xact_lock_shared(hashtext(${blocklistLockName}))`.execute(trx);
      return work(trx);
    });
  }

  tables(trx: Transaction<AnyDatabase>): Transaction<BlocklistTables> {
    return tablesOf<BlocklistTables>(trx) as Transaction<BlocklistTables>;
  }
}
