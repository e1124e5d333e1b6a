import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBlocklistService, type BlocklistSources, type Removal } from '../src/blocklist/index.js';
import { allMigrations } from '../src/main.js';
import { recordAudit } from '../src/platform/audit/index.js';
import { createFieldCipher, deriveSecret, loadKeyRing } from '../src/platform/crypto/index.js';
import { migrateToLatest, openStore } from '../src/platform/store/index.js';
import { withBenchDatabase } from './postgres.js';

/**
 * The blocklist on PostgreSQL at N listed URLs: a refresh that lists them all, one with
 * nothing new, one that takes 1 % off; then downloads as a provider makes them — the whole
 * list (txt, JSON) and the difference since the previous version. The sources are generated
 * in the process (a benchmark's shortcut): what is measured is the blocklist's own work —
 * canonical forms, keys, sealing, the version's writes, reading, opening, sorting and
 * rendering — not triage's or the reports' reads (their own benchmarks cover those).
 */
export interface BlocklistBenchOptions {
  urls: number;
  runs: number;
}

export interface BlocklistBenchResult {
  options: BlocklistBenchOptions;
  refreshes: { name: string; seconds: number }[];
  downloads: { name: string; p50: number; p99: number; bytes: number }[];
}

export async function benchBlocklist(databaseUrl: string, options: BlocklistBenchOptions): Promise<BlocklistBenchResult> {
  const store = await openStore({ databaseUrl, dataDir: 'unused' });
  const keyDir = await mkdtemp(path.join(tmpdir(), 'vigie-bench-blocklist-'));
  try {
    await migrateToLatest(store.db, ...allMigrations);
    const ring = await loadKeyRing({ keyFile: path.join(keyDir, 'keys.json') });
    const cipher = await createFieldCipher(ring);
    const at = new Date(Date.now() - 86_400_000).toISOString();
    const reportIds = Array.from({ length: options.urls }, (_, i) => `r${i}`);
    let removals: Removal[] = [];
    const sources: BlocklistSources = {
      illegalReports: async () => reportIds.map((reportId) => ({ reportId, at })),
      urlsOf: async (ids) =>
        ids.map((reportId) => {
          const i = Number(reportId.slice(1));
          return { itemId: `i${i}`, reportId, url: `https://host${i % 1000}.example.org/gallery/${i}?utm_source=feed&page=${i % 7}` };
        }),
      removalsOf: async () => removals,
    };
    const blocklist = createBlocklistService({
      db: store.db,
      sealer: cipher,
      audit: (trx, actor, record) =>
        recordAudit(trx, {
          ...actor,
          organisationId: actor.organisationId ?? null,
          requestId: actor.requestId ?? null,
          detail: {},
          ...record,
        }),
      jobs: { enqueue: async () => null, define: () => undefined },
      sources,
      urlKeySecret: deriveSecret(ring, 'vigie/blocklist-url/v1'),
    });
    const refreshes: BlocklistBenchResult['refreshes'] = [];
    const timeRefresh = async (name: string) => {
      const started = performance.now();
      const outcome = await blocklist.refresh({ jobId: 'bench' });
      const version = outcome.outcome === 'written' ? outcome.version.version : outcome.version;
      refreshes.push({ name: `${name} (v${version})`, seconds: (performance.now() - started) / 1000 });
    };
    await timeRefresh(`first refresh: ${options.urls.toLocaleString('en')} URLs added`);
    await timeRefresh('refresh with nothing new');
    removals = [{ itemIds: Array.from({ length: Math.floor(options.urls / 100) }, (_, i) => `i${i * 100}`), at: new Date().toISOString() }];
    await timeRefresh('refresh taking 1 % off');

    const provider = { actorType: 'api_key' as const, actorId: '00000000-0000-4000-8000-000000000001' };
    const downloads: BlocklistBenchResult['downloads'] = [];
    const timeDownload = async (name: string, request: Parameters<typeof blocklist.download>[1]) => {
      let bytes = 0;
      const samples: number[] = [];
      for (let i = 0; i < options.runs + 2; i += 1) {
        const started = performance.now();
        const answer = await blocklist.download(provider, request);
        if (i >= 2) samples.push(performance.now() - started);
        bytes = answer.notModified ? 0 : Buffer.byteLength(answer.body);
      }
      samples.sort((a, b) => a - b);
      const q = (p: number) => Number(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(1));
      downloads.push({ name, p50: q(0.5), p99: q(0.99), bytes });
    };
    await timeDownload('whole list, txt', { format: 'txt' });
    await timeDownload('whole list, JSON', { format: 'json' });
    await timeDownload('difference since the previous version, txt', {
      format: 'txt',
      since: (await blocklist.listVersions()).versions[1]?.version ?? 0,
    });
    const latest = (await blocklist.listVersions()).versions[0]?.version ?? 0;
    await timeDownload('304 (the tag held)', { format: 'txt', ifNoneMatch: `"blocklist-v${latest}-txt"` });
    return { options, refreshes, downloads };
  } finally {
    await store.close();
    await rm(keyDir, { recursive: true, force: true });
  }
}

export function formatBlocklist(result: BlocklistBenchResult): string {
  return [
    `Blocklist on PostgreSQL, ${result.options.urls.toLocaleString('en')} URLs (downloads: ${result.options.runs} runs each, one at a time)`,
    ...result.refreshes.map((r) => `  ${r.name.padEnd(48)} ${r.seconds.toFixed(2).padStart(7)} s`),
    ...result.downloads.map(
      (d) =>
        `  ${d.name.padEnd(48)} p50 ${d.p50.toFixed(1).padStart(7)} ms   p99 ${d.p99.toFixed(1).padStart(7)} ms   ${(d.bytes / 1e6).toFixed(2)} MB`,
    ),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const options = { urls: Number(process.env.BENCH_BLOCKLIST_URLS ?? 100_000), runs: Number(process.env.BENCH_BLOCKLIST_RUNS ?? 20) };
  const result = await withBenchDatabase(serverUrl, (databaseUrl) => benchBlocklist(databaseUrl, options));
  if (!result) process.stdout.write('no PostgreSQL server: skipped\n');
  else
    process.stdout.write(
      `${formatBlocklist(result)}\n  load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}\n`,
    );
}
