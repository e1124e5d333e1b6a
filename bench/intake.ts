import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../src/platform/store/index.js';

/**
 * Sustained partner-API intake: one report with 3 URLs and 2 media hashes per request, each
 * with its own Idempotency-Key, acknowledged (201) only once durable. The server runs in a
 * process of its own (bench/intake-server.ts); this process is the load generator, on
 * loopback. First an open-loop run at full speed, then fixed offered rates to find the knee:
 * the highest rate the server sustains (≥ 95 % of it achieved) with p99 under 100 ms.
 * Afterwards the reports in the database are counted against the 201 answers.
 */
export interface IntakeStep {
  /** Requests per second asked of the load generator; null for the full-speed run. */
  offered: number | null;
  achieved: number;
  p50: number;
  p99: number;
  acknowledged: number;
  errors: number;
}

export interface IntakeResult {
  store: 'pglite' | 'postgres';
  fullSpeed: IntakeStep;
  steps: IntakeStep[];
  knee: IntakeStep | null;
  acknowledged: number;
  stored: number;
}

const execFileAsync = promisify(execFile);

export function benchReport(n: number) {
  return {
    category: 'child_sexual_abuse_material',
    childInImmediateDanger: false,
    occurredAt: '2026-11-01',
    language: 'en',
    narrative: `Synthetic benchmark report ${n}: three pages of one invented site share two images.`,
    urls: [`https://files.example.org/gallery/${n}/1`, `https://files.example.org/gallery/${n}/2`, `https://mirror.example.net/g/${n}`],
    media: [
      { hashes: { md5: (n.toString(16) + '0'.repeat(32)).slice(0, 32), pdq: 'f'.repeat(64) }, pdqQuality: 90 },
      { hashes: { sha256: (n.toString(16) + 'a'.repeat(64)).slice(0, 64) } },
    ],
    places: [{ country: 'FR' }],
  };
}

async function startServer(
  databaseUrl: string | undefined,
): Promise<{ child: ChildProcess; port: number; secret: string; dataDir: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'intake-server.ts')], {
    env: { ...process.env, ...(databaseUrl ? { BENCH_INTAKE_DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('{')) {
      lines.close();
      return { child, ...(JSON.parse(line) as { port: number; secret: string; dataDir: string }) };
    }
  }
  throw new Error('the benchmark server stopped before listening');
}

async function load(port: number, secret: string, seconds: number, connections: number, rate?: number): Promise<IntakeStep> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    duration: seconds,
    connections,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/api/partner/reports',
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify(benchReport(n)),
          };
        },
      },
    ],
  });
  const acknowledged = result['2xx'];
  return {
    offered: rate ?? null,
    achieved: acknowledged / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    acknowledged,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

async function countStored(databaseUrl: string | undefined, dataDir: string): Promise<number> {
  const store = await openStore({ databaseUrl, dataDir });
  try {
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from reports`.execute(store.db);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await store.close();
  }
}

export async function benchIntake(options: {
  seconds: number;
  connections: number;
  rates: number[];
  databaseUrl?: string;
}): Promise<IntakeResult> {
  const server = await startServer(options.databaseUrl);
  const steps: IntakeStep[] = [];
  let fullSpeed: IntakeStep;
  let warmUp: IntakeStep;
  try {
    warmUp = await load(server.port, server.secret, 2, options.connections);
    fullSpeed = await load(server.port, server.secret, options.seconds, options.connections);
    for (const rate of options.rates) {
      const step = await load(server.port, server.secret, options.seconds, Math.max(options.connections, Math.ceil(rate / 20)), rate);
      steps.push(step);
      if (step.achieved < 0.8 * rate) break;
    }
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }
  const stored = await countStored(options.databaseUrl, server.dataDir);
  await rm(server.dataDir, { recursive: true, force: true });
  const sustained = steps.filter((s) => s.offered !== null && s.achieved >= 0.95 * s.offered && s.p99 < 100 && s.errors === 0);
  const acknowledged = warmUp.acknowledged + fullSpeed.acknowledged + steps.reduce((sum, s) => sum + s.acknowledged, 0);
  return {
    store: options.databaseUrl ? 'postgres' : 'pglite',
    fullSpeed,
    steps,
    knee: sustained.at(-1) ?? null,
    acknowledged,
    stored,
  };
}

/** The same PostgreSQL's raw single-row INSERT rate: pgbench with a custom script, 10 clients. */
export async function rawInsertRate(databaseUrl: string, seconds: number): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    'create table raw_insert (id uuid primary key default gen_random_uuid(), received_at timestamptz not null default now(), body text not null)',
  );
  await client.end();
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-pgbench-'));
  const script = path.join(dir, 'insert.sql');
  await writeFile(script, `insert into raw_insert (body) values ('${'x'.repeat(400)}');\n`);
  try {
    const { stdout } = await execFileAsync('pgbench', [
      '-n',
      '-M',
      'prepared',
      '-c',
      '10',
      '-j',
      '2',
      '-T',
      String(seconds),
      '-f',
      script,
      databaseUrl,
    ]);
    const tps = /tps = ([\d.]+)/.exec(stdout);
    return tps ? Number(tps[1]) : null;
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatIntake(result: IntakeResult, rawInserts: number | null): string {
  const row = (s: IntakeStep) =>
    `  ${(s.offered === null ? 'full speed' : `${s.offered}/s offered`).padEnd(18)} ${s.achieved.toFixed(0).padStart(6)} reports/s   p50 ${String(s.p50).padStart(4)} ms   p99 ${String(s.p99).padStart(5)} ms   errors ${s.errors}`;
  const lines = [`Partner intake on ${result.store} (1 report = 3 URLs + 2 media hashes, one Idempotency-Key each)`, row(result.fullSpeed)];
  for (const step of result.steps) lines.push(row(step));
  lines.push(
    result.knee
      ? `  knee: ${result.knee.offered} reports/s sustained with p99 ${result.knee.p99} ms`
      : '  knee: no offered rate was sustained with p99 under 100 ms',
  );
  lines.push(`  durability: ${result.acknowledged} acknowledged, ${result.stored} in the database`);
  if (rawInserts !== null) {
    lines.push(`  raw single-row INSERT (pgbench, 10 clients): ${rawInserts.toFixed(0)}/s`);
    const best = Math.max(result.fullSpeed.achieved, ...result.steps.map((s) => s.achieved));
    lines.push(`  ratio of the best intake rate (${best.toFixed(0)}/s) to raw INSERTs: ${(best / rawInserts).toFixed(3)}`);
  }
  return lines.join('\n');
}
