import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { canonicalise, geoFactsOf, loadGeoDataset } from '../src/urls/index.js';

export interface GeoBench {
  ranges: number;
  tableBytes: number;
  heapBytes: number;
  loadMs: { wall: number; cpu: number }[];
  v4: { lookupsPerSecond: number; nsPerLookup: number; found: number };
  v6: { lookupsPerSecond: number; nsPerLookup: number; found: number };
  canonicalPerSecond: number;
  versions: string;
}

/** A deterministic spread of addresses (a linear congruential sequence), never a list of real hosts. */
function addresses(count: number, v6: boolean): string[] {
  let state = 2024;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  return Array.from({ length: count }, () =>
    v6
      ? `2${(next() % 0xfff).toString(16).padStart(3, '0')}:${(next() & 0xffff).toString(16)}:${(next() & 0xffff).toString(16)}::${(next() & 0xffff).toString(16)}`
      : [next() >>> 24, (next() >>> 16) & 255, (next() >>> 8) & 255, next() & 255].join('.'),
  );
}

function timeLookups(dataset: Awaited<ReturnType<typeof loadGeoDataset>>, list: string[]) {
  let found = 0;
  for (const address of list.slice(0, 1000)) geoFactsOf(dataset, address);
  const started = process.hrtime.bigint();
  for (const address of list) if (geoFactsOf(dataset, address).country !== null) found += 1;
  const ns = Number(process.hrtime.bigint() - started) / list.length;
  return { lookupsPerSecond: Math.round(1e9 / ns), nsPerLookup: Math.round(ns), found };
}

/**
 * The offline dataset as a worker holds it: load time (wall and CPU), memory (typed arrays,
 * and the heap after a collection), lookups (country and network of one
 * address, both tables) and the canonical form of URLs. Uses the packages npm installed.
 */
export async function benchGeo(options: { loads?: number; lookups?: number } = {}): Promise<GeoBench> {
  const empty = await mkdtemp(path.join(tmpdir(), 'vigie-bench-geo-'));
  // A collection on demand, to measure what the dataset holds.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  try {
    const loadMs: GeoBench['loadMs'] = [];
    const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    gc?.();
    const before = held();
    let dataset = await loadGeoDataset(empty);
    gc?.();
    const heapBytes = held() - before;
    for (let i = 0; i < (options.loads ?? 3); i += 1) {
      dataset = undefined as never;
      gc?.();
      const cpu = process.cpuUsage();
      dataset = await loadGeoDataset(empty);
      const used = process.cpuUsage(cpu);
      loadMs.push({ wall: dataset.loadMilliseconds, cpu: (used.user + used.system) / 1000 });
    }
    const lookups = options.lookups ?? 1_000_000;
    const v4 = timeLookups(dataset, addresses(lookups, false));
    const v6 = timeLookups(dataset, addresses(lookups, true));
    const urls = addresses(100_000, false).map(
      (host, i) => `HTTPS://Sub${i % 7}.Example${i % 100}.ORG:443/a/./b/%7Eitem${i}?utm_source=x&id=${i}#top`,
    );
    const started = performance.now();
    for (const url of urls) canonicalise(url);
    const canonicalPerSecond = Math.round(urls.length / ((performance.now() - started) / 1000));
    const versions = Object.values(dataset.sources)
      .map((source) => (source ? `${source.packageName}@${source.version}` : 'missing'))
      .join(', ');
    return {
      ranges: dataset.ranges,
      tableBytes: dataset.bytes,
      heapBytes,
      loadMs,
      v4,
      v6,
      canonicalPerSecond,
      versions,
    };
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
}

export function formatGeoBench(result: GeoBench): string {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return [
    `Geo dataset (${result.versions})`,
    `  ${result.ranges.toLocaleString('en')} ranges; range tables ${mb(result.tableBytes)}; held in memory in all (heap and array buffers) ${mb(result.heapBytes)}`,
    `  load: ${result.loadMs.map((l) => `${(l.wall / 1000).toFixed(2)} s wall / ${(l.cpu / 1000).toFixed(2)} s CPU`).join('; ')}`,
    `  IPv4 lookup (country + network): ${result.v4.nsPerLookup} ns, ${result.v4.lookupsPerSecond.toLocaleString('en')}/s (${result.v4.found} placed)`,
    `  IPv6 lookup (country + network): ${result.v6.nsPerLookup} ns, ${result.v6.lookupsPerSecond.toLocaleString('en')}/s (${result.v6.found} placed)`,
    `  canonical form: ${result.canonicalPerSecond.toLocaleString('en')} URLs/s`,
  ].join('\n');
}
