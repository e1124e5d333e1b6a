import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { DEFAULT_MAX_IMAGE_BYTES, hashImageBytes, hashImageFile, readWholeFile } from '../src/media/hashing/index.js';
import { pdqFromBuffer } from '../src/media/pdq/index.js';
import { DEFAULT_BENCH_IMAGES, writeBenchImages, type BenchImageOptions } from './pdq-images.js';

/**
 * PDQ throughput against the decoding floor, on one thread.
 *
 * sharp.concurrency(1) limits libvips to one worker thread per image, and the
 * files are processed one after another: libvips decodes on its thread while
 * the JavaScript thread waits, then PDQ runs on the JavaScript thread (libvips
 * may also start a short-lived helper thread for sequential reading, which
 * does no pixel work). The libvips operation cache is off, so every pass
 * really decodes. The three pipelines run back to back on each image, and the
 * ratios are taken pass by pass, because the machine's load varies.
 *
 *   decode    sharp(file).raw().toBuffer(): decoding alone, the floor.
 *   pdq       what `vigie hash` does for PDQ: read the file once, decode it
 *             as PDQ needs it, hash (the exact hashes left out).
 *   vigie     hashImageFile: everything `vigie hash FILE` does per file. Its
 *             MD5, SHA-1 and SHA-256 run on the JavaScript thread while
 *             libvips decodes (the only overlap of two threads here).
 *
 * Two estimates are printed. "Median pass": each pass's total time, the
 * median over the passes. "Best per image": for each image and pipeline the
 * fastest of the passes, summed. Other work on the machine only ever adds
 * time, so the second stays close to a quiet machine's figures when the
 * machine is busy (the first does not); on a quiet machine they agree.
 */
export interface PdqBenchResult {
  readonly images: number;
  readonly megapixels: number;
  readonly megabytes: number;
  readonly repeats: number;
  /** Median images per second of each pipeline. */
  readonly decodePerSecond: number;
  readonly pdqPerSecond: number;
  readonly vigiePerSecond: number;
  /** Median over the passes of decode time / (decode + PDQ) time (issue 4's goal: ≥ 0.8). */
  readonly ratio: number;
  /** The same for everything `vigie hash` does. */
  readonly vigieRatio: number;
  /** From each image's fastest pass per pipeline: images per second, and the same two ratios. */
  readonly best: { readonly perSecond: Readonly<Record<PipelineName, number>>; readonly ratio: number; readonly vigieRatio: number };
}

export interface PdqBenchOptions {
  readonly repeats?: number;
  readonly images?: BenchImageOptions;
}

const PIPELINES = ['decode', 'pdq', 'vigie'] as const;
type PipelineName = (typeof PIPELINES)[number];

type Pipeline = (path: string) => Promise<unknown>;

const pipelines: Readonly<Record<PipelineName, Pipeline>> = {
  decode: (path) => sharp(path).raw().toBuffer(),
  pdq: async (path) => pdqFromBuffer(await readWholeFile(path, DEFAULT_MAX_IMAGE_BYTES)),
  vigie: (path) => hashImageFile(path),
};

/** Seconds per image, per pipeline (in the order of the paths). */
type PassTimes = Record<PipelineName, number[]>;

/**
 * One pass over the images, the three pipelines run back to back on each image
 * (their order rotating from image to image, and from pass to pass), so that
 * changes in the machine's load weigh on the three alike.
 */
async function interleavedPass(paths: readonly string[], pass: number): Promise<PassTimes> {
  const seconds: PassTimes = { decode: [], pdq: [], vigie: [] };
  for (const [i, path] of paths.entries()) {
    for (let k = 0; k < PIPELINES.length; k++) {
      const name = PIPELINES[(i + k + pass) % PIPELINES.length]!;
      const start = process.hrtime.bigint();
      await pipelines[name](path);
      seconds[name][i] = Number(process.hrtime.bigint() - start) / 1e9;
    }
  }
  return seconds;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchPdq(options: PdqBenchOptions = {}): Promise<PdqBenchResult> {
  const repeats = options.repeats ?? 7;
  const concurrency = sharp.concurrency();
  const cache = sharp.cache();
  sharp.concurrency(1);
  sharp.cache(false);
  const dir = await mkdtemp(join(os.tmpdir(), 'vigie-bench-pdq-'));
  try {
    const images = await writeBenchImages(dir, options.images ?? DEFAULT_BENCH_IMAGES);
    const paths = images.map((i) => i.path);
    let bytes = 0;
    for (const path of paths) bytes += (await readFile(path)).length;
    // Warm-up: the page cache, V8's optimiser, sharp's first-use costs; and a check that both agree.
    for (const path of paths) {
      const viaFile = await hashImageFile(path);
      const viaBytes = await hashImageBytes(await readFile(path));
      if (viaFile.sha256 !== viaBytes.sha256) throw new Error(`bench: inconsistent hashes for ${path}`);
    }
    await interleavedPass(paths, 0);

    const rates: Record<PipelineName, number[]> = { decode: [], pdq: [], vigie: [] };
    const ratios: number[] = [];
    const vigieRatios: number[] = [];
    const fastest: PassTimes = { decode: paths.map(() => Infinity), pdq: paths.map(() => Infinity), vigie: paths.map(() => Infinity) };
    for (let r = 0; r < repeats; r++) {
      const pass = await interleavedPass(paths, r);
      const seconds = { decode: sum(pass.decode), pdq: sum(pass.pdq), vigie: sum(pass.vigie) };
      for (const name of PIPELINES) {
        rates[name].push(paths.length / seconds[name]);
        pass[name].forEach((t, i) => (fastest[name][i] = Math.min(fastest[name][i]!, t)));
      }
      ratios.push(seconds.decode / seconds.pdq);
      vigieRatios.push(seconds.decode / seconds.vigie);
    }
    const best = { decode: sum(fastest.decode), pdq: sum(fastest.pdq), vigie: sum(fastest.vigie) };
    return {
      images: paths.length,
      megapixels: images.reduce((sum, i) => sum + i.width * i.height, 0) / 1e6,
      megabytes: bytes / 1e6,
      repeats,
      decodePerSecond: median(rates.decode),
      pdqPerSecond: median(rates.pdq),
      vigiePerSecond: median(rates.vigie),
      ratio: median(ratios),
      vigieRatio: median(vigieRatios),
      best: {
        perSecond: { decode: paths.length / best.decode, pdq: paths.length / best.pdq, vigie: paths.length / best.vigie },
        ratio: best.decode / best.pdq,
        vigieRatio: best.decode / best.vigie,
      },
    };
  } finally {
    sharp.concurrency(concurrency);
    sharp.cache(cache.memory.max > 0 ? { memory: cache.memory.max, files: cache.files.max, items: cache.items.max } : false);
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatPdqBench(r: PdqBenchResult): string {
  const cell = (perSecond: number, ratio?: number) =>
    `${perSecond.toFixed(1).padStart(7)} images/s ${(1000 / perSecond).toFixed(2).padStart(6)} ms` +
    (ratio === undefined ? ' '.repeat(14) : `  ratio ${ratio.toFixed(3)}`);
  const line = (name: string, median: string, best: string) => `  ${name.padEnd(34)} ${median}   ${best}`.trimEnd();
  return [
    `PDQ throughput, one thread (sharp.concurrency(1), no libvips cache), ${r.repeats} passes; goal: ratio ≥ 0.8`,
    `  ${r.images} generated images, ${r.megapixels.toFixed(1)} Mpixel, ${r.megabytes.toFixed(1)} MB (PNG and JPEG, 64×64 to 4 Mpixel)`,
    line('', 'median pass'.padEnd(40), 'best pass per image'),
    line('decode only (floor)', cell(r.decodePerSecond), cell(r.best.perSecond.decode)),
    line('decode + PDQ', cell(r.pdqPerSecond, r.ratio), cell(r.best.perSecond.pdq, r.best.ratio)),
    line('vigie hash (+ MD5, SHA-1, SHA-256)', cell(r.vigiePerSecond, r.vigieRatio), cell(r.best.perSecond.vigie, r.best.vigieRatio)),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cpus = os.cpus();
  process.stdout.write(
    `machine: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}, node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}\n`,
  );
  const repeats = Number(process.env.BENCH_REPEATS ?? 7);
  process.stdout.write(`${formatPdqBench(await benchPdq({ repeats }))}\n`);
}
