import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fileReadError } from './errors.js';

/** Lower-case hexadecimal digests of the same bytes. */
export interface ExactHashes {
  readonly md5: string;
  readonly sha1: string;
  readonly sha256: string;
}

export interface ExactHashesWithSize extends ExactHashes {
  /** Number of bytes hashed. */
  readonly size: number;
}

/** Chunk size for reading files: large enough that the three digests, not the system calls, dominate. */
const FILE_CHUNK_BYTES = 1 << 20;

/**
 * MD5, SHA-1 and SHA-256 fed by the same chunks, so any amount of data is
 * hashed in one pass with constant memory. `digest()` may be called once.
 */
export class ExactHasher {
  readonly #md5: Hash = createHash('md5');
  readonly #sha1: Hash = createHash('sha1');
  readonly #sha256: Hash = createHash('sha256');
  #size = 0;
  #done = false;

  update(chunk: Uint8Array): this {
    if (this.#done) throw new Error('ExactHasher: update() after digest()');
    this.#md5.update(chunk);
    this.#sha1.update(chunk);
    this.#sha256.update(chunk);
    this.#size += chunk.length;
    return this;
  }

  digest(): ExactHashesWithSize {
    if (this.#done) throw new Error('ExactHasher: digest() called twice');
    this.#done = true;
    return {
      md5: this.#md5.digest('hex'),
      sha1: this.#sha1.digest('hex'),
      sha256: this.#sha256.digest('hex'),
      size: this.#size,
    };
  }
}

/** The three digests of bytes already in memory. */
export function exactHashesOfBytes(bytes: Uint8Array): ExactHashesWithSize {
  return new ExactHasher().update(bytes).digest();
}

/**
 * The three digests of a stream of byte chunks (a Node Readable without an
 * encoding, a web ReadableStream, any async iterable of Uint8Array), in one
 * pass; nothing but the current chunk is held in memory.
 */
export async function exactHashesOfStream(source: AsyncIterable<unknown>): Promise<ExactHashesWithSize> {
  const hasher = new ExactHasher();
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array)) {
      throw new TypeError(`Expected a stream of bytes, got a chunk of type ${typeof chunk} (is an encoding set on the stream?)`);
    }
    hasher.update(chunk);
  }
  return hasher.digest();
}

/**
 * The three digests of a file, streamed in 1 MiB chunks (the file is never
 * held in memory whole). Throws FileReadError when it cannot be read.
 */
export async function exactHashesOfFile(path: string): Promise<ExactHashesWithSize> {
  try {
    return await exactHashesOfStream(createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES }));
  } catch (error) {
    throw fileReadError(path, error);
  }
}
