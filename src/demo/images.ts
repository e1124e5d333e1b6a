import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { pdqFromBuffer, toHex } from '../media/pdq/index.js';

/**
 * Abstract pictures drawn for the demonstration (coloured shapes from a seed, nothing
 * else), hashed as Vigie hashes a reported picture: SHA-256 of the file and PDQ. Only the
 * hashes enter the reports, as with any report; the pictures are never stored.
 */
export interface DemoMedia {
  hashes: { sha256: string; pdq: string };
  pdqQuality: number;
  fileName: string;
  mediaType: 'image/png' | 'image/jpeg';
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

function shapes(seed: number, size: number): string {
  const next = random(seed);
  const colour = () => `rgb(${Math.floor(next() * 255)},${Math.floor(next() * 255)},${Math.floor(next() * 255)})`;
  const parts = [`<rect width="${size}" height="${size}" fill="${colour()}"/>`];
  for (let i = 0; i < 14; i += 1) {
    const x = Math.floor(next() * size);
    const y = Math.floor(next() * size);
    const r = Math.floor(10 + next() * size * 0.3);
    parts.push(
      next() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour()}"/>`
        : `<rect x="${x - r}" y="${y - r}" width="${r * 2}" height="${r}" fill="${colour()}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${parts.join('')}</svg>`;
}

async function hashed(file: Buffer, fileName: string, mediaType: DemoMedia['mediaType']): Promise<DemoMedia> {
  const { hash, quality } = await pdqFromBuffer(file);
  return {
    hashes: { sha256: createHash('sha256').update(file).digest('hex'), pdq: toHex(hash) },
    pdqQuality: quality,
    fileName,
    mediaType,
  };
}

/** A generated picture; `copy` gives the same picture re-encoded smaller, as re-posted elsewhere (another SHA-256, a near PDQ). */
export async function demoPicture(seed: number, copy = false): Promise<DemoMedia> {
  const png = await sharp(Buffer.from(shapes(seed, 256)))
    .png()
    .toBuffer();
  if (!copy) return hashed(png, `demo-${seed}.png`, 'image/png');
  const jpeg = await sharp(png).resize(200, 200).jpeg({ quality: 80 }).toBuffer();
  return hashed(jpeg, `demo-${seed}-copy.jpg`, 'image/jpeg');
}
