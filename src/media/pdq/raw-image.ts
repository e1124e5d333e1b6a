/** Decoded 8-bit pixels, interleaved, row-major, `channels` samples per pixel. */
export interface RawImage {
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

export function assertRawImage(image: RawImage, minChannels: number): void {
  const { pixels, width, height, channels } = image;
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(`Image size must be positive integers, got ${width}×${height}`);
  }
  if (!Number.isInteger(channels) || channels < minChannels) {
    throw new RangeError(`Expected at least ${minChannels} channel(s) per pixel, got ${channels}`);
  }
  const needed = width * height * channels;
  if (pixels.length < needed) {
    throw new RangeError(`Pixel buffer holds ${pixels.length} bytes; ${width}×${height}×${channels} needs ${needed}`);
  }
}
