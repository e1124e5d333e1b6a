import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Problem, type HttpApp } from '../platform/http/index.js';
import { fileProblem, type ReceivedFile } from './uploads.js';

/**
 * The upload routes' body: `multipart/form-data` with one file in a field named `file`, and
 * nothing else. Any other content type is refused (415) before anything is read; the file is
 * read into memory up to the size limit, never written to disk.
 */
export async function acceptOneFile(scope: HttpApp): Promise<void> {
  scope.removeAllContentTypeParsers();
  await scope.register(multipart, {
    // Keep the name as sent, so that a path in it is refused rather than silently trimmed.
    preservePath: true,
    throwFileSizeLimit: true,
  });
  scope.addContentTypeParser('*', (_request, _payload, done) => {
    done(
      new Problem('unsupported-media-type', {
        fields: [
          { in: 'header', parameter: 'content-type', code: 'choice' },
          { in: 'body', pointer: '/file', code: 'required' },
        ],
        detail: 'detail.media-not-multipart',
      }),
      undefined,
    );
  });
}

const extraParts = () => fileProblem('validation', 'unknown', 'detail.media-extra-parts');

/** Errors of the multipart reader (busboy and @fastify/multipart), as problems naming the field. */
function problemOf(error: unknown): Problem {
  if (error instanceof Problem) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return fileProblem('payload-too-large', 'too-long', 'detail.media-too-large');
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return extraParts();
  // A missing or wrong boundary, a truncated or malformed form, a prototype-named field.
  return fileProblem('bad-request', 'format', 'detail.media-malformed');
}

/**
 * Reads the one file of the form. Refuses (each naming `file`): no file field (400), a second
 * file or any other field (400), a file over `maxBytes` (413), a form that cannot be read
 * (400). The parts after the file are still read, so that extra ones are seen.
 */
export async function readOneFile(request: FastifyRequest, maxBytes: number): Promise<ReceivedFile> {
  let file: ReceivedFile | undefined;
  let extra = false;
  try {
    const parts = request.parts({ limits: { fileSize: maxBytes, files: 2, fields: 4, parts: 6, headerPairs: 20 } });
    for await (const part of parts) {
      if (part.type === 'file' && part.fieldname === 'file' && file === undefined) {
        file = { bytes: await part.toBuffer(), fileName: part.filename === '' ? undefined : part.filename };
      } else {
        extra = true;
        if (part.type === 'file') part.file.resume();
      }
    }
  } catch (error) {
    throw problemOf(error);
  }
  if (extra) throw extraParts();
  if (!file) throw fileProblem('validation', 'required', 'detail.media-missing');
  return file;
}
