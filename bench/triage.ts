import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { allMigrations } from '../src/main.js';
import { createFieldCipher, loadKeyRing } from '../src/platform/crypto/index.js';
import { migrateToLatest, openStore } from '../src/platform/store/index.js';
import { createReportService } from '../src/reports/index.js';
import { createTriageService, type TriageService } from '../src/triage/index.js';
import { withBenchDatabase } from './postgres.js';

/**
 * The assessment queue as a console polls it, on PostgreSQL: the first page of the queue
 * (unfiltered, by country, free reports only with claims held), a page deep in the queue,
 * and the counts per stage. The reports are written straight into the table (a benchmark's
 * shortcut: intake has its own benchmark), most of them already assessed (final), as in a
 * deployment that has run for years; their priorities follow the criteria's rough shares.
 */
export interface TriageBenchOptions {
  reports: number;
  /** Share of the reports still in the queue. */
  queued: number;
  claims: number;
  runs: number;
}

export interface Timing {
  name: string;
  p50: number;
  p99: number;
}

export interface TriageBenchResult {
  options: TriageBenchOptions;
  loadSeconds: number;
  timings: Timing[];
}

async function fill(databaseUrl: string, options: TriageBenchOptions): Promise<number> {
  const store = await openStore({ databaseUrl, dataDir: 'unused' });
  try {
    await migrateToLatest(store.db, ...allMigrations);
    const started = performance.now();
    await sql`
      insert into reports (id, channel, category, urgent, status, countries, subdivisions, received_at, updated_at,
        consent_to_contact, url_count, media_count, identifier_count, children_count, reported_persons_count,
        priority, known_content, age_group, assessment_stage)
      select gen_random_uuid(), 'partner_api',
        case when r.t < 0.05 then 'trafficking_for_sexual_exploitation' else 'child_sexual_abuse_material' end,
        r.u < 0.01, case when r.q < ${options.queued} then 'received' else 'forwarded' end,
        array[(array['FR','BE','DE','ES','IT','NL','LU','CH','GB','US'])[1 + (i % 10)]], '{}',
        now() - (i || ' seconds')::interval, now(), false, 1, 1, 0, 0, 1,
        4 * ((case when r.u < 0.01 then 4 else 0 end) + (case when r.k < 0.2 then 2 else 0 end) + (case when r.t < 0.05 then 1 else 0 end))
          + (case when r.a < 0.1 then 3 when r.a < 0.3 then 2 when r.a < 0.5 then 1 else 0 end),
        r.k < 0.2,
        case when r.a < 0.1 then 'infant_toddler' when r.a < 0.3 then 'prepubescent' when r.a < 0.5 then 'pubescent' end,
        case when r.q < ${options.queued} then 'awaiting' else 'final' end
      from generate_series(1, ${options.reports}) i,
        lateral (select random() u, random() k, random() t, random() a, random() q, i as keep) r`.execute(store.db);
    await sql`
      insert into triage_claims (report_id, claimed_by, purpose, claimed_at, expires_at)
      select id, gen_random_uuid(), 'assess', now(), now() + interval '1 hour'
      from reports where assessment_stage = 'awaiting' order by random() limit ${options.claims}`.execute(store.db);
    // As autovacuum keeps it in a running deployment: the visibility map lets the counts read the index only.
    await sql`vacuum analyze reports`.execute(store.db);
    return (performance.now() - started) / 1000;
  } finally {
    await store.close();
  }
}

async function time(name: string, runs: number, work: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 5; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2));
  return { name, p50: at(0.5), p99: at(0.99) };
}

async function deepCursor(triage: TriageService, viewer: { userId: string }, depth: number): Promise<string> {
  let cursor: string | undefined;
  for (let seen = 0; seen < depth; seen += 100) {
    const page = await triage.queue(viewer, { limit: 100, ...(cursor ? { cursor } : {}) });
    if (!page.next) break;
    cursor = page.next;
  }
  return cursor ?? '';
}

export async function benchTriage(databaseUrl: string, options: TriageBenchOptions): Promise<TriageBenchResult> {
  const loadSeconds = await fill(databaseUrl, options);
  const store = await openStore({ databaseUrl, dataDir: 'unused' });
  const keyDir = await mkdtemp(path.join(tmpdir(), 'vigie-bench-triage-'));
  try {
    const cipher = await createFieldCipher(await loadKeyRing({ keyFile: path.join(keyDir, 'keys.json') }));
    const audit = async () => undefined;
    const jobs = { enqueue: async () => null };
    const reports = createReportService({ db: store.db, sealer: cipher, audit, jobs });
    const triage = createTriageService({
      db: store.db,
      sealer: cipher,
      audit,
      jobs,
      reports,
      settings: { confirmation: 'required', claimMinutes: 30 },
    });
    const viewer = { userId: randomUUID() };
    const cursor = await deepCursor(triage, viewer, 10_000);
    const timings = [
      await time('queue, first page of 50', options.runs, () => triage.queue(viewer, {})),
      await time('queue, one country', options.runs, () => triage.queue(viewer, { country: 'LU' })),
      await time(`queue, free reports only (${options.claims} claims held)`, options.runs, () => triage.queue(viewer, { claimed: false })),
      await time('queue, known content, prepubescent', options.runs, () =>
        triage.queue(viewer, { knownContent: true, ageGroup: 'prepubescent' }),
      ),
      await time('queue, a page 10,000 reports deep', options.runs, () => triage.queue(viewer, { cursor })),
      await time('counts per stage', options.runs, () => triage.queueCounts(viewer)),
    ];
    return { options, loadSeconds, timings };
  } finally {
    await store.close();
    await rm(keyDir, { recursive: true, force: true });
  }
}

export function formatTriage(result: TriageBenchResult): string {
  const { options } = result;
  const lines = [
    `Assessment queue on PostgreSQL: ${options.reports.toLocaleString('en')} reports, ` +
      `${Math.round(options.queued * 100)} % in the queue, ${options.claims} claims held (loaded in ${result.loadSeconds.toFixed(0)} s); ` +
      `${options.runs} runs each, one at a time`,
    ...result.timings.map((t) => `  ${t.name.padEnd(48)} p50 ${t.p50.toFixed(2).padStart(7)} ms   p99 ${t.p99.toFixed(2).padStart(7)} ms`),
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const options: TriageBenchOptions = {
    reports: Number(process.env.BENCH_TRIAGE_REPORTS ?? 1_000_000),
    queued: Number(process.env.BENCH_TRIAGE_QUEUED ?? 0.1),
    claims: 200,
    runs: Number(process.env.BENCH_TRIAGE_RUNS ?? 200),
  };
  const result = await withBenchDatabase(serverUrl, (databaseUrl) => benchTriage(databaseUrl, options));
  if (!result) process.stdout.write('no PostgreSQL server: skipped\n');
  else
    process.stdout.write(
      `${formatTriage(result)}\n  load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}\n`,
    );
}
