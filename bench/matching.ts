import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Match, MatchIndex } from '../src/media/matching/index.js';
import { createMatchIndex } from '../src/media/matching/index.js';
import type { PdqHash } from '../src/media/pdq/index.js';
import { PDQ_HASH_WORDS, pdqHashFromWords } from '../src/media/pdq/index.js';
import { Prng } from '../test/matching/seeded.js';
import { generateDatabase, generateQueries } from '../test/matching/synthetic.js';
import { faissPython, runFaiss } from './matching-faiss.js';

/**
 * Matching at 1M and 10M hashes, distance ≤ 31, one thread, side by side on identical data:
 * Vigie's index, Vigie's brute force, FAISS IndexBinaryFlat and IndexBinaryMultiHash(256, 16,
 * 16) (Debian's python3-faiss, installed with apt-get when missing). Every engine's matches are
 * compared with the brute force's, query by query. Brute force and FAISS Flat are slow at 10M:
 * they answer the first `slowQueries` queries only (the rates are still per query).
 */
export interface MatchingBenchOptions {
  readonly sizes: readonly number[];
  readonly queries: number;
  readonly distance: number;
  /** Queries answered by Vigie's brute force and FAISS Flat, per size. */
  readonly slowQueries: (size: number) => number;
  /** Passes over the queries for Vigie's index: the best is reported, with the median. */
  readonly passes: number;
  readonly seed: number;
  readonly faiss: boolean;
  readonly log: (line: string) => void;
}

export interface EngineResult {
  readonly size: number;
  readonly engine: string;
  readonly buildSeconds: number | null;
  readonly queries: number;
  readonly queriesPerSecond: number;
  readonly medianQueriesPerSecond?: number;
  /** Null for the brute force, which reads the index's own hashes. */
  readonly bytesPerHash: number | null;
  readonly matches: number;
  /** Queries whose matches differ from the brute force's (`compared`) or the index's (`comparedWithIndex`). */
  readonly differing: number;
  readonly compared: number;
  readonly comparedWithIndex: number;
}

export const DEFAULT_MATCHING_OPTIONS: MatchingBenchOptions = {
  sizes: [1_000_000, 10_000_000],
  queries: 1000,
  distance: 31,
  slowQueries: (size) => (size > 2_000_000 ? 100 : 1000),
  passes: 3,
  seed: 2024,
  faiss: true,
  log: (line) => process.stdout.write(`${line}\n`),
};

export function benchMatching(options: MatchingBenchOptions = DEFAULT_MATCHING_OPTIONS): EngineResult[] {
  const { log } = options;
  const cpus = os.cpus();
  log(
    `machine: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; date ${new Date().toISOString()}`,
  );
  const python = options.faiss ? faissPython(log) : null;
  const dir = mkdtempSync(join(os.tmpdir(), 'vigie-matching-'));
  try {
    return options.sizes.flatMap((size) => benchSize(size, options, python, join(dir, String(size))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchSize(size: number, options: MatchingBenchOptions, python: string | null, dir: string): EngineResult[] {
  const { distance, log } = options;
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  log(`n=${size.toLocaleString('en')}: load average ${load()} (other work on the machine slows every figure)`);
  const prng = new Prng(options.seed + size);
  const database = generateDatabase(prng, size);
  const queryWords = generateQueries(prng, database, options.queries);
  const queries: PdqHash[] = [];
  for (let q = 0; q < options.queries; q++)
    queries.push(pdqHashFromWords(queryWords.subarray(q * PDQ_HASH_WORDS, (q + 1) * PDQ_HASH_WORDS)));
  const slow = Math.min(options.queries, options.slowQueries(size));

  const ids = new Float64Array(size).map((_, i) => i);
  const index = createMatchIndex();
  const rssBefore = process.resourceUsage().maxRSS;
  const start = performance.now();
  index.addMany(ids, database);
  const buildSeconds = (performance.now() - start) / 1000;
  const peakGrowth = ((process.resourceUsage().maxRSS - rssBefore) * 1024) / size;
  const bytesPerHash = index.bytesUsed() / size;
  log(
    `n=${size.toLocaleString('en')}: built in ${buildSeconds.toFixed(2)} s, ${bytesPerHash.toFixed(1)} bytes/hash held; peak resident growth while building ${peakGrowth.toFixed(0)} bytes/hash`,
  );

  const mih = timeQueries(index, queries, distance, 'query', options.passes);
  const brute = timeQueries(index, queries.slice(0, slow), distance, 'scan', 1);
  const runs: EngineRun[] = [
    { engine: 'Vigie index', buildSeconds, timing: mih, bytesPerHash },
    { engine: 'Vigie brute force', buildSeconds: null, timing: brute, bytesPerHash: null },
  ];
  if (python !== null) {
    dump(dir, database, queryWords);
    for (const run of runFaiss(python, dir, distance, slow)) {
      runs.push({
        engine: `FAISS ${run.index}`,
        buildSeconds: run.buildSeconds,
        timing: { results: run.results, perSecond: run.queriesPerSecond },
        bytesPerHash: run.bytesPerHash,
      });
    }
  }
  // Each engine against the brute force on the queries both answered; FAISS MultiHash, which
  // answered them all, against the index (checked that way) on the others.
  const results = runs.map((run): EngineResult => {
    const answered = run.timing.results;
    const checked = Math.min(answered.length, brute.results.length);
    const againstIndex = run.timing === mih ? 0 : answered.length - checked;
    return {
      size,
      engine: run.engine,
      buildSeconds: run.buildSeconds,
      queries: answered.length,
      queriesPerSecond: run.timing.perSecond,
      ...(run.timing.median === undefined ? {} : { medianQueriesPerSecond: run.timing.median }),
      bytesPerHash: run.bytesPerHash,
      matches: answered.reduce((n, r) => n + r.length, 0),
      differing:
        countDiffering(brute.results.slice(0, checked), answered.slice(0, checked)) +
        countDiffering(mih.results.slice(checked, checked + againstIndex), answered.slice(checked, checked + againstIndex)),
      compared: checked,
      comparedWithIndex: againstIndex,
    };
  });
  for (const r of results) log(`  ${describe(r)}`);
  log(`  load average ${load()}`);
  return results;
}

interface Timing {
  readonly results: readonly (readonly Match[])[];
  readonly perSecond: number;
  readonly median?: number;
}

interface EngineRun {
  readonly engine: string;
  readonly buildSeconds: number | null;
  readonly timing: Timing;
  readonly bytesPerHash: number | null;
}

function countDiffering(a: readonly (readonly Match[])[], b: readonly (readonly Match[])[]): number {
  let differing = 0;
  a.forEach((expected, q) => {
    const got = b[q] ?? [];
    if (got.length !== expected.length || expected.some((m, i) => m.id !== got[i]!.id || m.distance !== got[i]!.distance)) differing++;
  });
  return differing;
}

/** Times `passes` passes over the queries after a warm-up; the best pass is the least disturbed. */
function timeQueries(
  index: MatchIndex,
  queries: readonly PdqHash[],
  distance: number,
  how: 'query' | 'scan',
  passes: number,
): Required<Timing> {
  for (const q of queries.slice(0, Math.min(queries.length, 20))) index[how](q, distance);
  let results: Match[][] = [];
  const rates: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    results = [];
    const start = performance.now();
    for (const q of queries) results.push(index[how](q, distance));
    rates.push(queries.length / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { results, perSecond: rates[rates.length - 1]!, median: rates[rates.length >> 1]! };
}

/**
 * FAISS binary vectors are bytes with bit j of byte i = bit 8i + j, which is the little-endian
 * byte order of our words (bit k in word k >> 5).
 */
function dump(dir: string, database: Uint32Array, queries: Uint32Array): void {
  if (os.endianness() !== 'LE') throw new Error('The FAISS dump writes words as they are in memory: little-endian machines only');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'db.u8'), new Uint8Array(database.buffer, database.byteOffset, database.byteLength));
  writeFileSync(join(dir, 'queries.u8'), new Uint8Array(queries.buffer, queries.byteOffset, queries.byteLength));
}

function describe(r: EngineResult): string {
  const build = r.buildSeconds === null ? '—' : `${r.buildSeconds.toFixed(2)} s`;
  const bytes = r.bytesPerHash === null ? '—' : r.bytesPerHash.toFixed(1);
  const against = `${r.compared} compared with brute force${r.comparedWithIndex > 0 ? `, ${r.comparedWithIndex} with the index` : ''}`;
  return `${r.engine}: build ${build}, ${r.queriesPerSecond.toFixed(1)} q/s over ${r.queries} queries, ${bytes} bytes/hash, ${r.matches} matches; ${r.differing} differ (${against})`;
}

/** One table for every size and engine, then Vigie's index against each FAISS index. */
export function formatMatching(results: readonly EngineResult[], distance: number): string {
  const rows = results.map((r) => [
    `${r.size / 1e6}M`,
    r.engine,
    r.buildSeconds === null ? '—' : `${r.buildSeconds.toFixed(2)} s`,
    r.queriesPerSecond.toFixed(r.queriesPerSecond < 100 ? 1 : 0),
    r.medianQueriesPerSecond === undefined ? '' : r.medianQueriesPerSecond.toFixed(0),
    String(r.queries),
    r.bytesPerHash === null ? '—' : r.bytesPerHash.toFixed(1),
    String(r.matches),
    r.differing > 0
      ? `${r.differing} DIFFER`
      : r.comparedWithIndex > 0
        ? `same (${r.compared}; index: ${r.comparedWithIndex})`
        : `same (${r.compared})`,
  ]);
  const header = ['hashes', 'engine', 'build', 'q/s', 'median q/s', 'queries', 'bytes/hash', 'matches', 'vs brute force (queries)'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  const lines = [
    `Matching, distance ≤ ${distance}, one thread`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ];
  for (const size of new Set(results.map((r) => r.size))) {
    const ofSize = results.filter((r) => r.size === size);
    const vigie = ofSize.find((r) => r.engine === 'Vigie index')!;
    for (const other of ofSize.filter((r) => r.engine.startsWith('FAISS'))) {
      const bytes =
        other.bytesPerHash === null || vigie.bytesPerHash === null
          ? ''
          : ` with ${(vigie.bytesPerHash / other.bytesPerHash).toFixed(2)}× its bytes per hash`;
      lines.push(
        `${size / 1e6}M: Vigie index ${(vigie.queriesPerSecond / other.queriesPerSecond).toFixed(1)}× the queries/s of ${other.engine}${bytes}`,
      );
    }
  }
  return lines.join('\n');
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const USAGE = `node --import tsx bench/matching.ts [--sizes 1000000,10000000] [--queries 1000] [--distance 31]
  [--passes 3] [--slow N (brute force and FAISS Flat queries; default 1000, 100 above 2M hashes)] [--no-faiss]`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const sizes = argument('sizes')?.split(',').map(Number) ?? DEFAULT_MATCHING_OPTIONS.sizes;
  const slow = argument('slow');
  const options: MatchingBenchOptions = {
    ...DEFAULT_MATCHING_OPTIONS,
    sizes,
    queries: Number(argument('queries') ?? DEFAULT_MATCHING_OPTIONS.queries),
    distance: Number(argument('distance') ?? DEFAULT_MATCHING_OPTIONS.distance),
    passes: Number(argument('passes') ?? DEFAULT_MATCHING_OPTIONS.passes),
    faiss: !process.argv.includes('--no-faiss'),
    ...(slow === undefined ? {} : { slowQueries: () => Number(slow) }),
  };
  process.stdout.write(`${formatMatching(benchMatching(options), options.distance)}\n`);
}
