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

/**
 * One pass over the images, the three pipelines run back to back on each image
 * (their order rotating from image to image), so that changes in the machine's
 * load during the pass weigh on the three alike. Returns seconds per pipeline.
 */
async function interleavedPass(paths: readonly string[]): Promise<Record<PipelineName, number>> {
  const seconds: Record<PipelineName, number> = { decode: 0, pdq: 0, vigie: 0 };
  for (const [i, path] of paths.entries()) {
    for (let k = 0; k < PIPELINES.length; k++) {
      const name = PIPELINES[(i + k) % PIPELINES.length]!;
      const start = process.hrtime.bigint();
      await pipelines[name](path);
      seconds[name] += Number(process.hrtime.bigint() - start) / 1e9;
    }
  }
  return seconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchPdq(options: PdqBenchOptions = {}): Promise<PdqBenchResult> {
  const repeats = options.repeats ?? 5;
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
    await interleavedPass(paths);

    const rates: Record<PipelineName, number[]> = { decode: [], pdq: [], vigie: [] };
    const ratios: number[] = [];
    const vigieRatios: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const seconds = await interleavedPass(paths);
      for (const name of PIPELINES) rates[name].push(paths.length / seconds[name]);
      ratios.push(seconds.decode / seconds.pdq);
      vigieRatios.push(seconds.decode / seconds.vigie);
    }
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
    };
  } finally {
    sharp.concurrency(concurrency);
    sharp.cache(cache.memory.max > 0 ? { memory: cache.memory.max, files: cache.files.max, items: cache.items.max } : false);
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatPdqBench(r: PdqBenchResult): string {
  const rate = (name: string, perSecond: number, note: string) =>
    `  ${name.padEnd(34)} ${perSecond.toFixed(1).padStart(7)} images/s  ${(1000 / perSecond).toFixed(2).padStart(7)} ms/image${note}`;
  return [
    `PDQ throughput, one thread (sharp.concurrency(1), no libvips cache), median of ${r.repeats}`,
    `  ${r.images} generated images, ${r.megapixels.toFixed(1)} Mpixel, ${r.megabytes.toFixed(1)} MB (PNG and JPEG, 64×64 to 4 Mpixel)`,
    rate('decode only (floor)', r.decodePerSecond, ''),
    rate('decode + PDQ', r.pdqPerSecond, `  ratio ${r.ratio.toFixed(3)} (goal ≥ 0.8)`),
    rate('vigie hash (+ MD5, SHA-1, SHA-256)', r.vigiePerSecond, `  ratio ${r.vigieRatio.toFixed(3)}`),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cpus = os.cpus();
  process.stdout.write(
    `machine: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}, node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}\n`,
  );
  const repeats = Number(process.env.BENCH_REPEATS ?? 5);
  process.stdout.write(`${formatPdqBench(await benchPdq({ repeats }))}\n`);
}
