import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Match, MatchIndex } from '../src/media/matching/index.js';
import { createMatchIndex } from '../src/media/matching/index.js';
import type { PdqHash } from '../src/media/pdq/index.js';
import { PDQ_HASH_WORDS, pdqHashFromWords } from '../src/media/pdq/index.js';
import { Prng } from '../test/matching/seeded.js';
import { generateDatabase, generateQueries } from './matching-data.js';

export interface MatchingBenchOptions {
  readonly sizes: readonly number[];
  readonly queries: number;
  readonly distance: number;
  /** Queries also answered by brute force, for its speed and to check MIH's results; default 100. */
  readonly bruteForceQueries?: number;
  readonly substrings?: number;
  /** Passes over the queries for MIH; the best is reported, with the median; default 3. */
  readonly passes?: number;
  readonly seed?: number;
  /** Writes db.u8, queries.u8 and expected.json per size under this folder (for FAISS). */
  readonly dumpDir?: string;
  readonly log?: (line: string) => void;
}

export interface MatchingBenchResult {
  readonly size: number;
  readonly buildMs: number;
  readonly bytesPerHash: number;
  readonly path: string;
  /** Best pass; the median pass is mihMedianQueriesPerSecond. */
  readonly mihQueriesPerSecond: number;
  readonly mihMedianQueriesPerSecond: number;
  readonly bruteForceQueriesPerSecond: number;
  /** Over all queries: matches, and the sums of their ids and distances (ids are 0..size-1). */
  readonly checksum: { readonly matches: number; readonly idSum: number; readonly distanceSum: number };
  readonly checked: number;
  readonly mismatches: number;
}

export async function benchMatching(options: MatchingBenchOptions): Promise<MatchingBenchResult[]> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  log(
    `machine: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ` +
      `one thread; load average ${load} (other processes on this machine slow every figure)`,
  );
  const results: MatchingBenchResult[] = [];
  for (const size of options.sizes) results.push(benchOne(size, options, log));
  return results;
}

function benchOne(size: number, options: MatchingBenchOptions, log: (line: string) => void): MatchingBenchResult {
  const { distance } = options;
  const prng = new Prng((options.seed ?? 2024) + size);
  const database = generateDatabase(prng, size);
  const queryWords = generateQueries(prng, database, options.queries);
  const queries: PdqHash[] = [];
  for (let q = 0; q < options.queries; q++)
    queries.push(pdqHashFromWords(queryWords.subarray(q * PDQ_HASH_WORDS, (q + 1) * PDQ_HASH_WORDS)));

  const ids = new Float64Array(size);
  for (let i = 0; i < size; i++) ids[i] = i;
  const index = createMatchIndex(options.substrings === undefined ? {} : { substrings: options.substrings });
  const start = performance.now();
  index.addMany(ids, database);
  const buildMs = performance.now() - start;
  const bytesPerHash = index.bytesUsed() / size;

  const path = index.plan(distance);
  const mih = timeQueries(index, queries, distance, 'query', options.passes ?? 3);
  const checksum = { matches: 0, idSum: 0, distanceSum: 0 };
  for (const matches of mih.results) {
    checksum.matches += matches.length;
    for (const m of matches) {
      checksum.idSum += m.id;
      checksum.distanceSum += m.distance;
    }
  }
  const sample = queries.slice(0, Math.min(queries.length, options.bruteForceQueries ?? 100));
  const brute = timeQueries(index, sample, distance, 'scan', 1);
  let mismatches = 0;
  brute.results.forEach((expected, q) => {
    if (!sameMatches(expected, mih.results[q] ?? [])) mismatches++;
  });

  if (options.dumpDir !== undefined)
    dump(join(options.dumpDir, String(size)), database, queryWords, {
      size,
      queries: options.queries,
      distance,
      checksum,
      counts: mih.results.map((r) => r.length),
    });

  const result = {
    size,
    buildMs,
    bytesPerHash,
    path,
    mihQueriesPerSecond: mih.perSecond,
    mihMedianQueriesPerSecond: mih.median,
    bruteForceQueriesPerSecond: brute.perSecond,
    checksum,
    checked: sample.length,
    mismatches,
  };
  log(
    `n=${size.toLocaleString('en')}: build ${(buildMs / 1000).toFixed(2)} s, ${bytesPerHash.toFixed(1)} bytes/hash; ` +
      `distance ${distance} (${path}): MIH ${mih.perSecond.toFixed(0)} q/s (median pass ${mih.median.toFixed(0)}), brute force ${brute.perSecond.toFixed(1)} q/s ` +
      `(×${(mih.perSecond / brute.perSecond).toFixed(0)}); matches ${checksum.matches} (ids Σ ${checksum.idSum}, distances Σ ${checksum.distanceSum}); ` +
      `${sample.length} queries checked against brute force: ${mismatches === 0 ? 'identical' : `${mismatches} DIFFER`}`,
  );
  return result;
}

/** Times `passes` passes over the queries after a warm-up; the best pass is the least disturbed. */
function timeQueries(
  index: MatchIndex,
  queries: readonly PdqHash[],
  distance: number,
  how: 'query' | 'scan',
  passes: number,
): { results: Match[][]; perSecond: number; median: number } {
  const warm = queries.slice(0, Math.min(queries.length, 50));
  for (const q of warm) index[how](q, distance);
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

function sameMatches(a: readonly Match[], b: readonly Match[]): boolean {
  return a.length === b.length && a.every((m, i) => m.id === b[i]?.id && m.distance === b[i]?.distance);
}

/**
 * FAISS binary vectors are bytes with bit j of byte i = bit 8i + j, which is the little-endian
 * byte order of our words (bit k in word k >> 5). FAISS's range_search keeps distance < radius,
 * so it must be given distance + 1.
 */
interface DumpedExpectation {
  readonly size: number;
  readonly queries: number;
  readonly distance: number;
  readonly checksum: MatchingBenchResult['checksum'];
  /** Matches per query, in query order. */
  readonly counts: readonly number[];
}

function dump(dir: string, database: Uint32Array, queries: Uint32Array, expected: DumpedExpectation): void {
  if (os.endianness() !== 'LE') throw new Error('--dump writes the words as they are in memory: little-endian machines only');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'db.u8'), new Uint8Array(database.buffer, database.byteOffset, database.byteLength));
  writeFileSync(join(dir, 'queries.u8'), new Uint8Array(queries.buffer, queries.byteOffset, queries.byteLength));
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify({ ...expected, faissRadius: expected.distance + 1 })}\n`);
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (argument('sizes') ?? '1000000,10000000').split(',').map(Number);
  const dumpDir = argument('dump');
  const substrings = argument('substrings');
  await benchMatching({
    sizes,
    queries: Number(argument('queries') ?? 1000),
    distance: Number(argument('distance') ?? 31),
    bruteForceQueries: Number(argument('brute') ?? 100),
    passes: Number(argument('passes') ?? 3),
    seed: Number(argument('seed') ?? 2024),
    ...(substrings === undefined ? {} : { substrings: Number(substrings) }),
    ...(dumpDir === undefined ? {} : { dumpDir }),
  });
}
