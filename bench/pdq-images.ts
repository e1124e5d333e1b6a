import { join } from 'node:path';
import sharp from 'sharp';

/** Seeded PRNG (mulberry32): the same seed gives the same images on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchImage {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly format: 'png' | 'jpeg';
  readonly grey: boolean;
}

export interface BenchImageOptions {
  readonly count: number;
  readonly seed: number;
  /** Smallest and largest pixel counts; sizes are spread log-uniformly between them. */
  readonly minPixels: number;
  readonly maxPixels: number;
}

export const DEFAULT_BENCH_IMAGES: BenchImageOptions = { count: 80, seed: 4, minPixels: 64 * 64, maxPixels: 4_000_000 };

/**
 * Writes `count` abstract test images (gradient + rectangles and discs + noise;
 * never photographs) into `dir`: half PNG, half JPEG, one in five greyscale
 * (half of those stored as RGB),
 * aspect ratios 1:2 to 2:1, pixel counts log-uniform in [minPixels, maxPixels].
 */
export async function writeBenchImages(dir: string, options: BenchImageOptions = DEFAULT_BENCH_IMAGES): Promise<BenchImage[]> {
  const random = prng(options.seed);
  const images: BenchImage[] = [];
  const logMin = Math.log(options.minPixels);
  const logMax = Math.log(options.maxPixels);
  for (let i = 0; i < options.count; i++) {
    const pixels = Math.exp(logMin + ((logMax - logMin) * i) / Math.max(1, options.count - 1));
    const aspect = Math.exp((random() - 0.5) * 2 * Math.LN2);
    const width = Math.max(8, Math.round(Math.sqrt(pixels * aspect)));
    const height = Math.max(8, Math.round(pixels / width));
    const format = random() < 0.5 ? 'png' : 'jpeg';
    const grey = random() < 0.2;
    // Half the grey images are stored as RGB with R = G = B, as many black-and-white photographs are.
    const greyAsRgb = grey && random() < 0.5;
    const channels = grey ? 1 : 3;
    const raw = pattern(width, height, channels, random);
    const stored = greyAsRgb ? expandGrey(raw) : raw;
    const path = join(
      dir,
      `bench-${String(i).padStart(3, '0')}-${width}x${height}${grey ? '-grey' : ''}.${format === 'png' ? 'png' : 'jpg'}`,
    );
    const encoder = sharp(stored, { raw: { width, height, channels: greyAsRgb ? 3 : channels } });
    if (grey && !greyAsRgb) encoder.toColourspace('b-w'); // else sharp writes sRGB
    await (format === 'png' ? encoder.png({ compressionLevel: 6 }) : encoder.jpeg({ quality: 80 + Math.floor(random() * 16) })).toFile(
      path,
    );
    images.push({ path, width, height, format, grey });
  }
  // Shuffle, so that sizes are not met in increasing order.
  for (let i = images.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [images[i], images[j]] = [images[j]!, images[i]!];
  }
  return images;
}

function expandGrey(grey: Uint8Array): Uint8Array {
  const rgb = new Uint8Array(grey.length * 3);
  for (let p = 0; p < grey.length; p++) rgb.fill(grey[p]!, p * 3, p * 3 + 3);
  return rgb;
}

function pattern(width: number, height: number, channels: number, random: () => number): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  const from = Array.from({ length: channels }, () => random() * 255);
  const to = Array.from({ length: channels }, () => random() * 255);
  const angle = random() * 2 * Math.PI;
  const dx = Math.cos(angle) / width;
  const dy = Math.sin(angle) / height;
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = Math.min(1, Math.abs(x * dx + y * dy));
      for (let c = 0; c < channels; c++) out[o++] = from[c]! + (to[c]! - from[c]!) * t;
    }
  }
  const shapes = 3 + Math.floor(random() * 10);
  for (let s = 0; s < shapes; s++) shape(out, width, height, channels, random);
  const noise = Math.floor(random() * 40);
  if (noise > 0) {
    for (let k = 0; k < out.length; k++) out[k] = Math.max(0, Math.min(255, out[k]! + Math.floor((random() - 0.5) * noise)));
  }
  return out;
}

/** A filled rectangle or disc of a random colour. */
function shape(out: Uint8Array, width: number, height: number, channels: number, random: () => number): void {
  const colour = Array.from({ length: channels }, () => Math.floor(random() * 256));
  const cx = random() * width;
  const cy = random() * height;
  const rx = (0.05 + random() * 0.3) * width;
  const ry = (0.05 + random() * 0.3) * height;
  const disc = random() < 0.5;
  const x0 = Math.max(0, Math.floor(cx - rx));
  const x1 = Math.min(width, Math.ceil(cx + rx));
  const y0 = Math.max(0, Math.floor(cy - ry));
  const y1 = Math.min(height, Math.ceil(cy + ry));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (disc && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1) continue;
      for (let c = 0, o = (y * width + x) * channels; c < channels; c++) out[o + c] = colour[c]!;
    }
  }
}
