import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { benchApiStack, type StackResult } from './api-stack.js';
import { benchBlocklist, formatBlocklist } from './blocklist.js';
import { benchGeo, formatGeoBench } from './geo.js';
import { benchIntake, formatIntake, rawInsertRate } from './intake.js';
import { benchLinking, formatLinking } from './linking.js';
import { benchMatching, DEFAULT_MATCHING_OPTIONS, formatMatching } from './matching.js';
import { withBenchDatabase } from './postgres.js';
import { benchTriage, formatTriage } from './triage.js';

/**
 * Runs the benchmarks named on the command line (all by default: api, intake, pdq, matching, geo, triage, linking, blocklist)
 * prints their figures and ratios. The PostgreSQL runs use the server at BENCH_DATABASE_URL
 * (default: the local one), in a database of their own. The matching benchmark takes several
 * minutes and about 5 GB at 10 million hashes (FAISS's MultiHash index holds 3 GB); it installs
 * Debian's python3-faiss with apt-get when missing. `node --import tsx bench/matching.ts --help`
 * lists its own options (sizes, queries, distance). The linking benchmark generates 1 and 10 million
 * stored reports on PostgreSQL (BENCH_LINKING_SIZES, comma-separated; about 20 GB and a quarter
 * of an hour at 10 million) and links BENCH_LINKING_QUERIES new reports (default 1,000) against each.
 */
const chosen = new Set(process.argv.slice(2));
const wants = (name: string) => chosen.size === 0 || chosen.has(name);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const cpus = os.cpus();
process.stdout.write(
  `machine: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}\n`,
);
process.stdout.write(`date: ${new Date().toISOString()}\n`);

/** Other work on the machine disturbs every figure: it is printed with them. */
function loadAverage(): string {
  return `load average: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;
}
process.stdout.write(`${loadAverage()}\n`);

function report(result: StackResult): void {
  const line = (name: string, r: StackResult['bare']) =>
    `  ${name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`;
  process.stdout.write(`\nAPI stack on ${result.store} (${connections} connections, ${seconds} s each)\n`);
  process.stdout.write(`${line('bare route (reference)', result.bare)}\n`);
  process.stdout.write(`${line('auth + validation + audit', result.stack)}\n`);
  process.stdout.write(
    `  ratio bare/stack: ${result.ratio.toFixed(2)} (a stacked request costs ${result.ratio.toFixed(2)} bare requests)\n`,
  );
}

if (wants('api')) {
  report(await benchApiStack({ seconds, connections }));
  const onServer = await withBenchDatabase(serverUrl, (databaseUrl) => benchApiStack({ seconds, connections, databaseUrl }));
  if (onServer) report(onServer);
  else process.stdout.write(`\n(no PostgreSQL server at ${serverUrl.replace(/\/\/[^@]*@/, '//')}: skipped)\n`);
}
if (wants('pdq')) {
  // In a process of its own that loads only the hasher. This process has loaded the whole
  // server (libsodium among it), and there V8's heap-growing heuristic keeps the old space
  // so tight that every few images cost a full collection: 145 instead of 11 in one run,
  // ~10 % of the hashing time (see src/media/pdq/README.md).
  process.stdout.write('\n');
  spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'pdq.ts')], { stdio: 'inherit' });
  process.stdout.write(`  ${loadAverage()} (at the end)\n`);
}
if (wants('intake')) {
  const rates = (process.env.BENCH_INTAKE_RATES ?? '250,500,1000,1500,2000,2500,3000').split(',').map(Number);
  const embedded = await benchIntake({ seconds, connections: 16, rates: rates.filter((r) => r <= 1000) });
  process.stdout.write(`\n${formatIntake(embedded, null)}\n`);
  const onServer = await withBenchDatabase(serverUrl, async (databaseUrl) => {
    const result = await benchIntake({ seconds, connections: 64, rates, databaseUrl });
    return { result, raw: await rawInsertRate(databaseUrl, seconds) };
  });
  if (onServer) process.stdout.write(`\n${formatIntake(onServer.result, onServer.raw)}\n`);
  else process.stdout.write(`\n(no PostgreSQL server at ${serverUrl.replace(/\/\/[^@]*@/, '//')}: intake skipped)\n`);
}
if (wants('matching')) {
  process.stdout.write('\n');
  process.stdout.write(`${formatMatching(benchMatching(DEFAULT_MATCHING_OPTIONS), DEFAULT_MATCHING_OPTIONS.distance)}\n`);
}
if (wants('geo')) {
  process.stdout.write(`\n${formatGeoBench(await benchGeo())}\n  ${loadAverage()} (at the end)\n`);
}
if (wants('triage')) {
  const options = { reports: 1_000_000, queued: 0.1, claims: 200, runs: 200 };
  const onServer = await withBenchDatabase(serverUrl, (databaseUrl) => benchTriage(databaseUrl, options));
  if (onServer) process.stdout.write(`\n${formatTriage(onServer)}\n  ${loadAverage()} (at the end)\n`);
  else process.stdout.write(`\n(no PostgreSQL server at ${serverUrl.replace(/\/\/[^@]*@/, '//')}: triage skipped)\n`);
}
if (wants('linking')) {
  const sizes = (process.env.BENCH_LINKING_SIZES ?? '1000000,10000000').split(',').map(Number);
  const queries = Number(process.env.BENCH_LINKING_QUERIES ?? 1000);
  for (const size of sizes) {
    process.stdout.write('\n');
    const result = await withBenchDatabase(serverUrl, (databaseUrl) =>
      benchLinking(size, databaseUrl, queries, (line) => process.stdout.write(`${line}\n`)),
    );
    process.stdout.write(
      result ? `${formatLinking(result)}\n` : `(no PostgreSQL server at ${serverUrl.replace(/\/\/[^@]*@/, '//')}: linking skipped)\n`,
    );
  }
}
if (wants('blocklist')) {
  const options = { urls: Number(process.env.BENCH_BLOCKLIST_URLS ?? 100_000), runs: Number(process.env.BENCH_BLOCKLIST_RUNS ?? 20) };
  const result = await withBenchDatabase(serverUrl, (databaseUrl) => benchBlocklist(databaseUrl, options));
  process.stdout.write(result ? `\n${formatBlocklist(result)}\n  ${loadAverage()}\n` : '\n(no PostgreSQL server: blocklist skipped)\n');
}
