import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { allMigrations } from '../src/main.js';
import { migrateToLatest, openStore, type AnyDatabase } from '../src/platform/store/index.js';
import { createReportService } from '../src/reports/index.js';
import { withBenchDatabase } from './postgres.js';

/**
 * Cross-matching at scale, on PostgreSQL: the time to link one new report (the job that
 * follows its intake: its PDQ hash numbered, every report sharing a key or a near PDQ hash
 * found, the links written both ways and the clusters merged, committed) against N stored
 * reports. The stored reports are made by SQL (ten million load in minutes): each has one
 * media item with a PDQ hash (random, numbered for the in-memory index), four match keys
 * (url, domain_path, email, sha256; every value unique, except the e-mails of the first
 * half, shared by groups of three that are linked and clustered). Each new report (rows
 * written by SQL before its timed link, as intake would have) has eight keys and one PDQ
 * hash, and one of four cases: its PDQ hash 10 bits from a stored one (1 link); its e-mail
 * a group's (3 links, a cluster of 3 joined); its SHA-256 a lone stored report's (1 link,
 * a new cluster); nothing shared. The first link loads the PDQ index (timed apart).
 *
 * `node --expose-gc --import tsx bench/linking.ts [N…]`, default 1,000,000 and 10,000,000;
 * BENCH_LINKING_QUERIES new reports each (default 1,000); BENCH_DATABASE_URL as for run.ts.
 */

export interface LinkingResult {
  stored: number;
  loadSeconds: number;
  indexHashes: number;
  indexBytesPerHash: number;
  firstLinkMs: number;
  queries: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  byCase: Record<string, { p50: number; p99: number; linksPerReport: number }>;
  databaseBytes: number;
  loadAverage: number[];
}

const cases = ['pdq near', 'shared e-mail', 'shared sha256', 'nothing shared'] as const;

const hex32 = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32 - prefix.length, '0')}`;
const uuid = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
/** Ids as the SQL makes them (stored reports `0…i`, their items `a…i`, clusters `c…g`); new reports `e…k`, their items `f…k`. */
const newId = (k: number) => uuid(hex32('e', k));
const newItemId = (k: number) => uuid(hex32('f', k));
const sha = (text: string, encoding: 'hex' | 'base64') => createHash('sha256').update(text).digest(encoding);

/** The stored reports, their items, PDQ hashes, keys, links and clusters, by SQL, then indexed and analysed. */
async function generate(db: Kysely<AnyDatabase>, n: number, log: (line: string) => void): Promise<void> {
  const half = Math.floor(n / 2);
  const rid = (column: string) => sql.raw(`lpad(to_hex(${column}), 32, '0')::uuid`);
  const iid = (column: string) => sql.raw(`('a' || lpad(to_hex(${column}), 31, '0'))::uuid`);
  const key = (kind: string, value: string) => sql.raw(`encode(sha256(('${kind}:' || ${value})::bytea), 'base64')`);
  const steps: [string, ReturnType<typeof sql>][] = [
    [
      'reports',
      sql`insert into reports (id, channel, category, urgent, status, countries, subdivisions, received_at, updated_at,
            consent_to_contact, url_count, media_count, identifier_count, children_count, reported_persons_count, priority, known_content)
          select ${rid('i')}, 'partner_api', 'child_sexual_abuse_material', false, 'received', '{}', '{}',
                 now() - make_interval(secs => i), now(), false, 2, 1, 1, 0, 0, 0, false
          from generate_series(1, ${n}) i`,
    ],
    [
      'items',
      sql`insert into report_items (id, report_id, position, kind, pdq, pdq_quality)
          select ${iid('i')}, ${rid('i')}, 0, 'media', encode(sha256(('p' || i)::bytea), 'hex'), 90 from generate_series(1, ${n}) i`,
    ],
    [
      'PDQ numbers',
      sql`insert into report_pdq_hashes (seq, item_id, report_id, pdq, quality)
          select i, ${iid('i')}, ${rid('i')}, sha256(('p' || i)::bytea), 90 from generate_series(1, ${n}) i`,
    ],
    ['PDQ version', sql`update report_pdq_version set version = ${n}`],
    [
      'match keys',
      sql`insert into report_match_keys (report_id, kind, value)
          select ${rid('i')}, k.kind, case
              when k.kind = 'sha256' then encode(sha256(('s:' || i)::bytea), 'hex')
              when k.kind = 'email' and i <= ${half} then ${key('email', "'g' || ((i - 1) / 3)")}
              else ${key("' || k.kind || '", 'i::text')} end
          from generate_series(1, ${n}) i cross join (values ('url'), ('domain_path'), ('email'), ('sha256')) k(kind)`,
    ],
    [
      'links',
      sql`insert into report_links (report_id, linked_report_id, kind)
          select ${rid('a.i')}, ${rid('b.j')}, 'email' from generate_series(1, ${half}) a(i)
          cross join lateral generate_series(((a.i - 1) / 3) * 3 + 1, least(((a.i - 1) / 3) * 3 + 3, ${half})) b(j)
          where b.j <> a.i`,
    ],
    [
      'clusters',
      sql`insert into report_clusters (id, size)
          select ('c' || lpad(to_hex(g), 31, '0'))::uuid, count(*) from generate_series(1, ${half}) i, lateral (select (i - 1) / 3 as g) x
          group by g having count(*) >= 2`,
    ],
    [
      'cluster members',
      sql`insert into report_cluster_members (report_id, cluster_id)
          select ${rid('i')}, ('c' || lpad(to_hex((i - 1) / 3), 31, '0'))::uuid from generate_series(1, ${half}) i
          where (i - 1) / 3 < ${Math.floor(half / 3)} or ${half % 3} >= 2`,
    ],
  ];
  // Indexes are built once the rows are in (sorted builds), foreign keys not checked row by row.
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where tablename in ('report_match_keys', 'report_links', 'report_items', 'report_cluster_members', 'report_pdq_hashes')
      and indexname not in (select conname from pg_constraint)`.execute(db);
  for (const index of indexes) await sql.raw(`drop index ${index.name}`).execute(db);
  await db.connection().execute(async (session) => {
    await sql`set session_replication_role = replica`.execute(session);
    await sql`set maintenance_work_mem = '1GB'`.execute(session);
    for (const [label, statement] of steps) {
      const started = performance.now();
      await statement.execute(session);
      log(`  ${label.padEnd(16)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`);
    }
    const started = performance.now();
    for (const index of indexes) await sql.raw(index.definition).execute(session);
    await sql`vacuum analyze`.execute(session);
    // The bulk load's dirty pages written now, not by a checkpoint in the middle of the timed links.
    await sql`checkpoint`.execute(session);
    log(`  ${'indexes, analyse'.padEnd(16)} ${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s`);
  });
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function flip(bytes: Buffer, bits: number): Buffer {
  const out = Buffer.from(bytes);
  for (let bit = 0; bit < bits; bit++) out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

/** Writes new report k (not timed): its row, a media item, eight keys, one of the four cases. */
async function writeNewReport(db: Kysely<AnyDatabase>, k: number, n: number): Promise<void> {
  const which = cases[k % cases.length]!;
  const half = Math.floor(n / 2);
  const id = newId(k);
  const pick = (from: number, to: number) => from + Math.floor(Math.random() * (to - from));
  const pdq =
    which === 'pdq near'
      ? flip(
          createHash('sha256')
            .update(`p${pick(1, n + 1)}`)
            .digest(),
          10,
        ).toString('hex')
      : randomBytes(32).toString('hex');
  const keys: [string, string][] = [
    ['url', sha(`new-url:${k}:1`, 'base64')],
    ['url', sha(`new-url:${k}:2`, 'base64')],
    ['md5', randomBytes(16).toString('hex')],
    ['sha256', which === 'shared sha256' ? sha(`s:${pick(half + 1, n + 1)}`, 'hex') : randomBytes(32).toString('hex')],
    ['email', which === 'shared e-mail' ? sha(`email:g${Math.floor(pick(0, half) / 3)}`, 'base64') : sha(`new-email:${k}`, 'base64')],
    ['account', sha(`new-account:${k}`, 'base64')],
    ['identity', sha(`new-identity:${k}:1`, 'base64')],
    ['identity', sha(`new-identity:${k}:2`, 'base64')],
  ];
  await db.transaction().execute(async (trx) => {
    await sql`insert into reports (id, channel, category, urgent, status, countries, subdivisions, received_at, updated_at,
                consent_to_contact, url_count, media_count, identifier_count, children_count, reported_persons_count, priority, known_content)
              values (${id}, 'partner_api', 'online_grooming', false, 'received', '{}', '{}', now(), now(), false, 2, 1, 2, 0, 1, 0, false)`.execute(
      trx,
    );
    await sql`insert into report_items (id, report_id, position, kind, pdq, pdq_quality)
              values (${newItemId(k)}, ${id}, 0, 'media', ${pdq}, 90)`.execute(trx);
    await sql`insert into report_match_keys (report_id, kind, value)
              select ${id}, kind, value from unnest(${keys.map((key) => key[0])}::text[], ${keys.map((key) => key[1])}::text[]) as k(kind, value)`.execute(
      trx,
    );
  });
}

export async function benchLinking(n: number, databaseUrl: string, queries: number, log: (line: string) => void): Promise<LinkingResult> {
  const store = await openStore({ databaseUrl, dataDir: 'unused' });
  try {
    await migrateToLatest(store.db, ...allMigrations);
    let started = performance.now();
    await generate(store.db, n, log);
    const loadSeconds = (performance.now() - started) / 1000;
    const reports = createReportService({
      db: store.db,
      sealer: { seal: () => '', open: () => '', blindIndex: () => '' },
      audit: async () => undefined,
      jobs: { enqueue: async () => null },
    });
    global.gc?.();
    await writeNewReport(store.db, 0, n);
    started = performance.now();
    await reports.crossMatch([newId(0)]);
    const firstLinkMs = performance.now() - started;
    const stats = reports.linkingIndexStats();
    const times: number[] = [];
    const byCase = new Map<string, { times: number[]; links: number }>(cases.map((c) => [c, { times: [], links: 0 }]));
    for (let k = 1; k <= queries; k++) {
      await writeNewReport(store.db, k, n);
      started = performance.now();
      const added = await reports.crossMatch([newId(k)]);
      const ms = performance.now() - started;
      times.push(ms);
      const entry = byCase.get(cases[k % cases.length]!)!;
      entry.times.push(ms);
      entry.links += added;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const { rows } = await sql<{ bytes: string }>`select pg_database_size(current_database())::text as bytes`.execute(store.db);
    return {
      stored: n,
      loadSeconds,
      indexHashes: stats.hashes,
      indexBytesPerHash: stats.bytes / stats.hashes,
      firstLinkMs,
      queries,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted[sorted.length - 1]!,
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      byCase: Object.fromEntries(
        [...byCase].map(([name, entry]) => {
          const s = [...entry.times].sort((a, b) => a - b);
          return [name, { p50: quantile(s, 0.5), p99: quantile(s, 0.99), linksPerReport: entry.links / entry.times.length }];
        }),
      ),
      databaseBytes: Number(rows[0]!.bytes),
      loadAverage: os.loadavg(),
    };
  } finally {
    await store.close();
  }
}

export function formatLinking(result: LinkingResult): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const lines = [
    `Linking one new report against ${result.stored.toLocaleString('en')} stored reports (PostgreSQL, ${result.queries} new reports, one at a time)`,
    `  data made by SQL and indexed: ${result.loadSeconds.toFixed(0)} s; database ${(result.databaseBytes / 2 ** 30).toFixed(1)} GiB`,
    `  first link (loads the PDQ index of ${result.indexHashes.toLocaleString('en')} hashes, ${result.indexBytesPerHash.toFixed(1)} bytes/hash): ${(result.firstLinkMs / 1000).toFixed(1)} s`,
    `  link one report: p50 ${ms(result.p50)}   p99 ${ms(result.p99)}   max ${ms(result.max)}   mean ${ms(result.mean)}`,
    ...Object.entries(result.byCase).map(
      ([name, c]) => `    ${name.padEnd(15)} p50 ${ms(c.p50)}   p99 ${ms(c.p99)}   ${c.linksPerReport.toFixed(1)} links per report`,
    ),
    `  load average at the end: ${result.loadAverage.map((l) => l.toFixed(2)).join(', ')}`,
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const queries = Number(process.env.BENCH_LINKING_QUERIES ?? 1000);
  for (const n of sizes.length > 0 ? sizes : [1_000_000, 10_000_000]) {
    const line = (text: string) => process.stdout.write(`${text}\n`);
    line(`generating ${n.toLocaleString('en')} stored reports…`);
    const result = await withBenchDatabase(serverUrl, (url) => benchLinking(n, url, queries, line));
    line(result ? formatLinking(result) : `no PostgreSQL server at ${serverUrl}: skipped`);
  }
}
