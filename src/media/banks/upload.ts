import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Problem, fieldProblem, type HttpApp } from '../../platform/http/index.js';

/**
 * Uploads of import files: the raw request body (any content type but multipart) or the
 * `file` field of a multipart form, streamed to a temporary file with a size cap.
 */
export async function acceptUploads(scope: HttpApp, maxBytes: number): Promise<void> {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 2 } });
}

export interface SavedUpload {
  path: string;
  size: number;
  remove(): Promise<void>;
}

async function uploadedStream(request: FastifyRequest): Promise<Readable> {
  if (!request.isMultipart()) return request.body as Readable;
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw new Problem('validation', { fields: [fieldProblem('/file', 'required')] });
  return part.file;
}

/** Streams the upload to a temporary file; over `maxBytes`, 413 and nothing kept. */
export async function saveUpload(request: FastifyRequest, maxBytes: number): Promise<SavedUpload> {
  const folder = await mkdtemp(path.join(tmpdir(), 'vigie-import-'));
  const file = path.join(folder, 'upload');
  const remove = () => rm(folder, { recursive: true, force: true });
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) callback(new Problem('payload-too-large'));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(await uploadedStream(request), counter, createWriteStream(file, { mode: 0o600 }));
    return { path: file, size, remove };
  } catch (error) {
    await remove();
    if (error instanceof Problem) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new Problem('payload-too-large');
    throw error;
  }
}
