import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dihedralRows, isLossy, isPng, referenceRows, LOW_BYTE_PNG } from './pdq/reference-data.js';
import { runCli } from './support/cli.js';

// PNG rows are bit-exact by the PDQ criteria; every JPEG row of the reference data is too (see src/media/pdq/README.md).
const pick = (files: string[]) => referenceRows().filter((r) => files.includes(r.file));
const rows = pick([
  'images/pytx/LA.png',
  'images/pytx/random-26x28.png',
  'images/misc-images/modes/RGBA.png',
  'images/reg-test-input/pen-and-coaster.png',
  'images/pytx/rgb.jpeg',
  'images/misc-images/wee.jpg',
  'images/reg-test-input/labelme-subset/q0003.jpg',
  'images/reg-test-input/exif-rotn/exif-rotn-6.jpg',
  'images/misc-images/modes/CMYK.jpg',
]);
const digest = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');

let dir = '';
let env: Record<string, string> = {};
let notImage = '';
let missing = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-hash-cli-'));
  notImage = path.join(dir, 'notes.txt');
  missing = path.join(dir, 'missing.jpg');
  await writeFile(notImage, 'this is not an image\n');
  // A configuration that `vigie start` would refuse, and a data directory that does not exist:
  // `vigie hash` must not read the one nor create the other.
  env = { VIGIE_DATA_DIR: path.join(dir, 'data'), VIGIE_PORT: 'not a port' };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vigie hash', () => {
  it('covers PNG and JPEG files', () => {
    expect(rows.length).toBe(9);
    expect(rows.filter((r) => isPng(r.file)).length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => isLossy(r.file)).length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.file === LOW_BYTE_PNG)).toBe(false);
  });

  it('prints PDQ, quality, MD5, SHA-1, SHA-256 and the name as given, one line per file', async () => {
    const { code, stdout, stderr } = await runCli(['hash', ...rows.map((r) => r.path)], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBe(rows.length);
    for (const [i, row] of rows.entries()) {
      const bytes = await readFile(row.path);
      const fields = [row.hash, String(row.quality), digest('md5', bytes), digest('sha1', bytes), digest('sha256', bytes), row.path];
      expect(lines[i]?.split('\t'), row.file).toEqual(fields);
    }
    expect(existsSync(env.VIGIE_DATA_DIR!)).toBe(false);
  });

  it('--dihedral prints the eight hashes in the reference order, the quality and the name', async () => {
    const dihedral = dihedralRows().filter((d) => rows.some((r) => r.file === d.file));
    expect(dihedral.length).toBe(rows.length);
    const { code, stdout, stderr } = await runCli(['hash', '--dihedral', ...dihedral.map((d) => d.path)], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBe(dihedral.length);
    for (const [i, row] of dihedral.entries()) {
      expect(lines[i]?.split('\t'), row.file).toEqual([...row.hashes, String(row.quality), row.path]);
    }
  });

  it('reports a missing file and a non-image on stderr, still prints the others, and exits non-zero', async () => {
    const [first, second] = rows;
    const args = ['hash', first!.path, missing, notImage, second!.path];
    const { code, stdout, stderr } = await runCli(args, env);
    expect(code).not.toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual([first!.hash, second!.hash]);
    expect(lines.map((l) => l.split('\t').at(-1))).toEqual([first!.path, second!.path]);
    const errors = stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(missing);
    expect(errors[0]).toMatch(/no such file/);
    expect(errors[1]).toContain(notImage);
    expect(errors[1]).toMatch(/cannot decode image/i);

    const dihedral = await runCli(['hash', '--dihedral', missing, first!.path], env);
    expect(dihedral.code).not.toBe(0);
    expect(dihedral.stderr).toContain(missing);
    expect(dihedral.stdout.split('\t')[0]).toBe(first!.hash);
  });

  it('documents its output in --help', async () => {
    const { code, stdout } = await runCli(['hash', '--help'], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/PDQ\s+QUALITY\s+MD5\s+SHA1\s+SHA256\s+FILE/);
    expect(stdout).toMatch(/ORIG\s+ROT90\s+ROT180\s+ROT270\s+FLIPX\s+FLIPY\s+FLIPP\s+FLIPM\s+QUALITY\s+FILE/);
  });
});
