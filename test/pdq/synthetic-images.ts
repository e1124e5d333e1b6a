/**
 * Deterministic synthetic images that stress PDQ's float32 arithmetic: near-flat
 * and low-contrast pictures put DCT coefficients close to the median, so any
 * rounding that differs from the reference flips bits. Integer arithmetic only,
 * so the pixels are identical on every platform and Node version.
 */
export interface SyntheticImage {
  readonly name: string;
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
}

const SIZES: readonly (readonly [number, number])[] = [
  [5, 5],
  [6, 7],
  [13, 200],
  [63, 64],
  [64, 64],
  [65, 63],
  [127, 129],
  [300, 171],
  [511, 512],
  [513, 300],
  [1000, 7],
  [1300, 701],
];

const KINDS = ['noise', 'flat1', 'flat3', 'lowcontrast', 'stripes', 'blocks', 'greyrgb'] as const;
type Kind = (typeof KINDS)[number];

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** Integer triangle wave with the given period and peak, 0..peak. */
function triangle(t: number, period: number, peak: number): number {
  const phase = t % period;
  const half = period >> 1;
  return Math.floor(((phase < half ? phase : period - phase) * peak) / half);
}

function sample(kind: Kind, x: number, y: number, c: number, base: number, p: number, next: () => number): number {
  switch (kind) {
    case 'noise':
      return next() & 0xff;
    case 'flat1':
      return base + (next() & 1);
    case 'flat3':
      return base + (next() % 3);
    case 'lowcontrast':
      return base + triangle(x + 3 * c, p, 6) + triangle(y, p + 5, 5) + (next() & 1);
    case 'stripes':
      return 8 + triangle(10 * x + 3 * y + 7 * c, 10 * p, 240);
    case 'blocks':
      return ((x >> 4) + (y >> 3)) & 1 ? 200 : 50 + 10 * c;
    case 'greyrgb':
      return base + triangle(x, p, 30) - triangle(y, p + 3, 20) + (next() & 1);
  }
}

export function syntheticImages(): SyntheticImage[] {
  const images: SyntheticImage[] = [];
  let index = 0;
  for (const [width, height] of SIZES) {
    for (const kind of KINDS) {
      for (const channels of [1, 3] as const) {
        if (kind === 'greyrgb' && channels === 1) continue;
        index++;
        const next = xorshift(0x9e3779b9 ^ Math.imul(index, 0x85ebca6b));
        const base = 20 + (next() % 200);
        const period = 6 + (next() % 40);
        const pixels = new Uint8Array(width * height * channels);
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const o = (y * width + x) * channels;
            for (let c = 0; c < channels; c++) {
              // greyrgb repeats one grey value in R, G and B (hashed through the RGB formula).
              const v = kind === 'greyrgb' && c > 0 ? (pixels[o] ?? 0) : sample(kind, x, y, c, base, period, next);
              pixels[o + c] = Math.max(0, Math.min(255, v));
            }
          }
        }
        images.push({ name: `${kind}-${width}x${height}x${channels}`, pixels, width, height, channels });
      }
    }
  }
  return images;
}
