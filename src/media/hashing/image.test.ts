import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDQ_DATA_DIR } from '../../../test/pdq/reference-data.js';
import { pdqDihedralFromFile, pdqFromFile } from '../pdq/index.js';
import { DIHEDRAL_VARIANTS, FileReadError, PdqDecodeError, hashImageFile, hashImageFileDihedral, toHex } from './index.js';

const image = (name: string): string => join(PDQ_DATA_DIR, 'images', name);
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-hash-image-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hashImageFile', () => {
  test.each(['pytx/rgb.jpeg', 'pytx/LA.png', 'misc-images/modes/CMYK.jpg', 'reg-test-input/exif-rotn/exif-rotn-6.jpg'])(
    '%s: the PDQ of the file and the digests of its bytes',
    async (name) => {
      const bytes = await readFile(image(name));
      const result = await hashImageFile(image(name));
      const pdq = await pdqFromFile(image(name));
      expect(toHex(result.pdq)).toBe(toHex(pdq.hash));
      expect(result.quality).toBe(pdq.quality);
      expect(result.md5).toBe(createHash('md5').update(bytes).digest('hex'));
      expect(result.sha1).toBe(createHash('sha1').update(bytes).digest('hex'));
      expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(result.size).toBe(bytes.length);
    },
  );

  test('dihedral', async () => {
    const result = await hashImageFileDihedral(image('pytx/rgb.jpeg'));
    const pdq = await pdqDihedralFromFile(image('pytx/rgb.jpeg'));
    expect(DIHEDRAL_VARIANTS.map((v) => toHex(result.pdq[v]))).toEqual(DIHEDRAL_VARIANTS.map((v) => toHex(pdq.hashes[v])));
    expect(result.quality).toBe(pdq.quality);
  });
});

describe('files that cannot be hashed are errors naming the file, never an all-zero hash', () => {
  test('missing', async () => {
    const path = join(dir, 'missing.jpg');
    await expect(hashImageFile(path)).rejects.toThrow(FileReadError);
    await expect(hashImageFile(path)).rejects.toMatchObject({ problem: 'missing', path, message: `Cannot read ${path}: no such file` });
  });

  test('a directory', async () => {
    await expect(hashImageFile(dir)).rejects.toMatchObject({ problem: 'not-a-file' });
  });

  test.skipIf(process.getuid?.() === 0)('no permission', async () => {
    const path = join(dir, 'secret.png');
    await writeFile(path, await readFile(image('pytx/LA.png')));
    await chmod(path, 0);
    await expect(hashImageFile(path)).rejects.toMatchObject({ problem: 'unreadable' });
  });

  test('over the size cap', async () => {
    await expect(hashImageFile(image('pytx/rgb.jpeg'), { maxBytes: 1000 })).rejects.toMatchObject({ problem: 'too-large' });
  });

  test('not an image, empty, truncated', async () => {
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'not an image');
    await expect(hashImageFile(text)).rejects.toThrow(PdqDecodeError);
    await expect(hashImageFile(text)).rejects.toThrow(`Cannot decode image ${text}: `);

    const empty = join(dir, 'empty.png');
    await writeFile(empty, new Uint8Array(0));
    await expect(hashImageFile(empty)).rejects.toThrow(PdqDecodeError);

    const truncated = join(dir, 'truncated.jpg');
    const bytes = await readFile(image('pytx/rgb.jpeg'));
    await writeFile(truncated, bytes.subarray(0, bytes.length >> 1));
    await expect(hashImageFile(truncated)).rejects.toThrow(/premature end/i);
    await expect(hashImageFileDihedral(truncated)).rejects.toThrow(PdqDecodeError);
  });
});
