import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./faiss_range.py', import.meta.url));
/** Debian's python3-faiss installs for the system Python, which may not be the first on PATH. */
const PYTHONS = ['/usr/bin/python3', 'python3'];

export interface FaissRun {
  readonly index: string;
  readonly buildSeconds: number;
  readonly queries: number;
  readonly queriesPerSecond: number;
  readonly bytesPerHash: number;
  readonly matches: number;
  /** Per query, its matches as (id, distance), by distance then id. */
  readonly results: readonly { id: number; distance: number }[][];
}

function hasFaiss(python: string): boolean {
  return spawnSync(python, ['-c', 'import faiss'], { stdio: 'ignore' }).status === 0;
}

/**
 * A Python that imports faiss, installing Debian's python3-faiss with apt-get when none does
 * (as root, or through sudo). Null, with the reason logged, when that is not possible.
 */
export function faissPython(log: (line: string) => void): string | null {
  const found = PYTHONS.find(hasFaiss);
  if (found !== undefined) return found;
  log('FAISS is missing: apt-get install -y python3-faiss');
  const command = process.getuid?.() === 0 ? ['apt-get'] : ['sudo', '-n', 'apt-get'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args: string[]) => spawnSync(command[0]!, [...command.slice(1), ...args], { stdio: 'inherit', env }).status === 0;
  // Package lists may be missing on a fresh machine: update them if the first attempt fails.
  if (!apt('install', '-y', 'python3-faiss') && apt('update')) apt('install', '-y', 'python3-faiss');
  const installed = PYTHONS.find(hasFaiss);
  if (installed === undefined) log('FAISS could not be installed: its columns are left out');
  return installed ?? null;
}

/** Runs bench/faiss_range.py on a dumped data set (see matching.ts). */
export function runFaiss(python: string, dir: string, distance: number, flatQueries: number): FaissRun[] {
  const run = spawnSync(python, [SCRIPT, dir, String(distance), '16', '16', String(flatQueries)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`faiss_range.py failed with status ${run.status}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const raw = JSON.parse(line) as {
        index: string;
        build_seconds: number;
        queries: number;
        queries_per_second: number;
        bytes_per_hash: number;
        matches: number;
        results: [number[], number[]][];
      };
      return {
        index: raw.index,
        buildSeconds: raw.build_seconds,
        queries: raw.queries,
        queriesPerSecond: raw.queries_per_second,
        bytesPerHash: raw.bytes_per_hash,
        matches: raw.matches,
        results: raw.results.map(([ids, distances]) =>
          ids.map((id, i) => ({ id, distance: Math.round(distances[i]!) })).sort((a, b) => a.distance - b.distance || a.id - b.id),
        ),
      };
    });
}
