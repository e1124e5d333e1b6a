import { open, type FileHandle } from 'node:fs/promises';
import { FileReadError, fileReadError } from './errors.js';

/** Default cap on the size of an image file read whole into memory: 256 MiB. */
export const DEFAULT_MAX_IMAGE_BYTES = 256 * 1024 * 1024;

/**
 * Reads a whole regular file into one buffer sized from fstat, normally in a
 * single read(). Files over
 * `maxBytes` are refused before anything is read; a file whose size changes
 * while it is read is refused too, so the bytes hashed are the bytes decoded.
 */
export async function readWholeFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileReadError(path, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const what = stats.isDirectory() ? 'it is a directory' : 'not a regular file';
      throw new FileReadError(path, 'not-a-file', `Cannot read ${path}: ${what}`);
    }
    if (stats.size > maxBytes) {
      throw new FileReadError(path, 'too-large', `Cannot read ${path}: ${stats.size} bytes, over the limit of ${maxBytes} bytes`);
    }
    // One spare byte: a read that fills it means the file grew after fstat. A
    // read that stops short of it has met the end of the file, so one read()
    // normally does it all.
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      filled += bytesRead;
      if (bytesRead === 0 || filled >= stats.size) break;
    }
    if (filled !== stats.size) {
      throw new FileReadError(path, 'changed', `Cannot read ${path}: its size changed while it was read`);
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    throw fileReadError(path, error);
  } finally {
    await handle.close();
  }
}
