import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { bankMigrations, createBankService } from '../src/media/banks/index.js';
import { createDetectionService } from '../src/media/detection/index.js';
import { migrateToLatest, openStore } from '../src/platform/store/index.js';
import { withBenchDatabase } from './postgres.js';

/**
 * The detection service at scale, on PostgreSQL: N bank entries with a PDQ hash and the
 * three exact hashes (random, made by SQL), then the first load of the in-memory index
 * (time, bytes per hash, process memory), the sizes of the exact-hash indexes, and lookups
 * of batches of hashes (exact and PDQ), with the change-log poll each lookup makes.
 * `node --import tsx bench/detection.ts [N]`, default 1,000,000; BENCH_DATABASE_URL as for run.ts.
 */
const size = Number(process.argv[2] ?? 1_000_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const line = (text: string) => process.stdout.write(`${text}\n`);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

const result = await withBenchDatabase(serverUrl, async (databaseUrl) => {
  const store = await openStore({ databaseUrl, dataDir: 'unused' });
  try {
    await migrateToLatest(store.db, bankMigrations);
    const banks = createBankService({ db: store.db, audit: async () => undefined, jobs: { enqueue: async () => null } });
    const bank = await banks.createBank({ actorType: 'system', actorId: null }, { name: 'Bench', purpose: 'national', source: 'bench' });
    let started = performance.now();
    await sql`
      insert into hash_bank_entries (bank_id, pdq, pdq_quality, md5, sha1, sha256, legal_status, listed_on, enabled)
      select ${bank.id}::uuid, sha256(i::text::bytea || 'p'), 100, decode(md5(i::text), 'hex'),
             substring(sha256(i::text::bytea || 's') for 20), sha256(i::text::bytea), 'national', current_date, true
      from generate_series(1, ${size}) as i`.execute(store.db);
    line(`inserted ${size} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await sql`vacuum analyze hash_bank_entries`.execute(store.db);
    const { rows } = await sql<{ name: string; bytes: string }>`
      select c.relname as name, pg_relation_size(c.oid)::text as bytes from pg_class c
      where c.relname like 'hash_bank_entries%' order by c.relname`.execute(store.db);
    for (const row of rows)
      line(`  ${row.name.padEnd(34)} ${mib(Number(row.bytes)).padStart(8)} MiB  ${(Number(row.bytes) / size).toFixed(1)} bytes/entry`);

    const detection = createDetectionService({ db: store.db });
    global.gc?.();
    const before = process.memoryUsage();
    started = performance.now();
    await detection.refresh();
    const loadMs = performance.now() - started;
    global.gc?.();
    const after = process.memoryUsage();
    const stats = detection.stats();
    line(`index load: ${(loadMs / 1000).toFixed(1)} s for ${stats.pdqEntries} PDQ hashes`);
    line(`index arrays: ${mib(stats.indexBytes)} MiB = ${(stats.indexBytes / stats.pdqEntries).toFixed(1)} bytes/hash`);
    const heap = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
    line(
      `process heap + array buffers after load: +${mib(heap)} MiB = ${(heap / stats.pdqEntries).toFixed(1)} bytes/hash (run with --expose-gc for a clean figure)`,
    );

    const known = await sql<{
      pdq: Uint8Array;
      md5: Uint8Array;
    }>`select pdq, md5 from hash_bank_entries order by random() limit 1000`.execute(store.db);
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    const batches: [string, { pdq?: string; md5?: string }[]][] = [
      ['1 exact (md5), found', [{ md5: hex(known.rows[0]!.md5) }]],
      ['1 PDQ, found', [{ pdq: hex(known.rows[0]!.pdq) }]],
      ['1 PDQ, not found', [{ pdq: randomBytes(32).toString('hex') }]],
      ['1,000 exact + PDQ, found', known.rows.map((r) => ({ pdq: hex(r.pdq), md5: hex(r.md5) }))],
    ];
    for (const [label, queries] of batches) {
      const rounds = queries.length > 1 ? 5 : 200;
      started = performance.now();
      for (let i = 0; i < rounds; i++) await detection.match(queries);
      const ms = (performance.now() - started) / rounds;
      line(`match ${label.padEnd(28)} ${ms.toFixed(2).padStart(8)} ms per call`);
    }
    const { version } = detection.stats();
    started = performance.now();
    for (let i = 0; i < 1000; i++)
      await store.db.selectFrom('hash_bank_changes').select('version').where('version', '>', version).execute();
    line(`change-log poll (empty): ${((performance.now() - started) / 1000).toFixed(3)} ms per query`);
    return stats;
  } finally {
    await store.close();
  }
});
if (!result) line(`no PostgreSQL server at ${serverUrl}: skipped`);
