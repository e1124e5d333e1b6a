import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExactHasher, FileReadError, exactHashesOfBytes, exactHashesOfFile, exactHashesOfStream } from './index.js';

const digest = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');
const expected = (bytes: Uint8Array) => ({
  md5: digest('md5', bytes),
  sha1: digest('sha1', bytes),
  sha256: digest('sha256', bytes),
  size: bytes.length,
});

/** Splits bytes into chunks of irregular sizes, so chunk boundaries fall everywhere. */
function* chunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 65_537) {
    yield bytes.subarray(at, Math.min(bytes.length, at + step));
  }
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-exact-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exact hashes in one pass', () => {
  const data = randomBytes(3 * 1024 * 1024 + 17);

  test('known vectors: the empty input and "abc"', () => {
    expect(exactHashesOfBytes(new Uint8Array(0))).toEqual({
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      size: 0,
    });
    expect(exactHashesOfBytes(Buffer.from('abc'))).toEqual({
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      size: 3,
    });
  });

  test('chunks of any size give the digests of the whole', async () => {
    const hasher = new ExactHasher();
    for (const chunk of chunks(data)) hasher.update(chunk);
    expect(hasher.digest()).toEqual(expected(data));
    expect(await exactHashesOfStream(Readable.from(chunks(data)))).toEqual(expected(data));
  });

  test('a web ReadableStream', async () => {
    const stream = new Blob([data]).stream();
    expect(await exactHashesOfStream(stream)).toEqual(expected(data));
  });

  test('a file, larger than one read chunk', async () => {
    const path = join(dir, 'data.bin');
    await writeFile(path, data);
    expect(await exactHashesOfFile(path)).toEqual(expected(data));
  });

  test('a missing file or a directory is a FileReadError naming it', async () => {
    await expect(exactHashesOfFile(join(dir, 'missing.bin'))).rejects.toThrow(FileReadError);
    await expect(exactHashesOfFile(join(dir, 'missing.bin'))).rejects.toThrow(/missing\.bin: no such file/);
    await expect(exactHashesOfFile(dir)).rejects.toMatchObject({ problem: 'not-a-file' });
  });

  test('a stream of text is refused, not hashed as something else', async () => {
    await expect(exactHashesOfStream(Readable.from(['text']))).rejects.toThrow(TypeError);
  });

  test('a hasher digests once', () => {
    const hasher = new ExactHasher().update(Buffer.from('x'));
    hasher.digest();
    expect(() => hasher.digest()).toThrow();
    expect(() => hasher.update(Buffer.from('y'))).toThrow();
  });
});
