import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shared PDQ test data (reference images and the C++ reference hasher's output). */
export const PDQ_DATA_DIR = '/work/shared/pdq';

export interface ReferenceRow {
  readonly hash: string;
  readonly quality: number;
  readonly file: string;
  readonly path: string;
  readonly format: string;
  /** What the reference hashed, e.g. `P6:rgb:1600x1004:maxval=255`. */
  readonly decoded: string;
}

export interface DihedralRow {
  readonly file: string;
  readonly path: string;
  readonly quality: number;
  /** Hex hashes in the reference order: orig, rot90, rot180, rot270, flipx, flipy, flipp, flipm. */
  readonly hashes: readonly string[];
}

/** The 16-bit PNG the reference reads by its low byte (see README); excluded from exact checks. */
export const LOW_BYTE_PNG = 'images/pytx/I16.png';

function tsv(name: string): string[][] {
  const lines = readFileSync(join(PDQ_DATA_DIR, name), 'utf8').trimEnd().split('\n');
  return lines.slice(1).map((line) => line.split('\t'));
}

function at(cells: string[], i: number): string {
  const v = cells[i];
  if (v === undefined) throw new Error(`Missing column ${i} in ${cells.join('\t')}`);
  return v;
}

export function referenceRows(): ReferenceRow[] {
  return tsv('reference.tsv').map((c) => ({
    hash: at(c, 0),
    quality: Number(at(c, 1)),
    file: at(c, 2),
    path: join(PDQ_DATA_DIR, at(c, 2)),
    format: at(c, 4),
    decoded: at(c, 9),
  }));
}

export function dihedralRows(): DihedralRow[] {
  return tsv('reference-dihedral.tsv').map((c) => ({
    file: at(c, 0),
    path: join(PDQ_DATA_DIR, at(c, 0)),
    quality: Number(at(c, 1)),
    hashes: c.slice(2, 10),
  }));
}

export function isPng(file: string): boolean {
  return file.toLowerCase().endsWith('.png');
}

export function isLossy(file: string): boolean {
  return /\.(jpe?g|webp)$/i.test(file);
}

export function hexLines(name: string): string[] {
  return readFileSync(join(PDQ_DATA_DIR, 'index', name), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export interface SyntheticReferenceRow {
  readonly name: string;
  readonly hash: string;
  readonly quality: number;
  /** Dihedral hashes in the reference order, from the reference's dihedral path. */
  readonly dihedral: readonly string[];
  readonly dihedralQuality: number;
}

/**
 * The C++ reference (same commit, g++ -O3, x86-64) run on `syntheticImages()`
 * fed as raw pixels: CImg pre-shrink, then pdqHash256FromFloatLuma and
 * pdqDihedralHash256esFromFloatLuma.
 */
export function syntheticReferenceRows(): Map<string, SyntheticReferenceRow> {
  const lines = readFileSync(join(import.meta.dirname, 'synthetic-reference.tsv'), 'utf8')
    .trimEnd()
    .split('\n');
  const rows = new Map<string, SyntheticReferenceRow>();
  for (const line of lines.slice(1)) {
    const c = line.split('\t');
    rows.set(at(c, 0), {
      name: at(c, 0),
      hash: at(c, 1),
      quality: Number(at(c, 2)),
      dihedral: c.slice(3, 11),
      dihedralQuality: Number(at(c, 11)),
    });
  }
  return rows;
}
