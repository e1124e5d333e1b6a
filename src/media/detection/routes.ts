import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/access/index.js';
import { Problem, fieldProblem, type HttpApp } from '../../platform/http/index.js';
import { inspectMedia } from '../hashing/index.js';
import { MatchRequest, MatchResponse, type MatchResponse as MatchAnswer } from './contracts.js';
import { auditedLookup, type LookupDeps } from './lookup.js';

/** Largest image sent to `/api/match`, as the body or a multipart `file`. */
export const MATCH_FILE_MAX_BYTES = 64 * 1024 * 1024;

export interface DetectionRouteOptions extends LookupDeps {
  /** Largest image, in pixels, decoded for a lookup (its header is read first): the decompression-bomb guard. */
  maxPixels: number;
}

const hashKinds = ['pdq', 'md5', 'sha1', 'sha256'] as const;

function actorOfRequest(request: FastifyRequest) {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

async function imageOf(request: FastifyRequest): Promise<{ bytes: Buffer; pointer: string }> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new Problem('validation', { fields: [fieldProblem('/file', 'required')] });
    try {
      return { bytes: await part.toBuffer(), pointer: '/file' };
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new Problem('payload-too-large');
      throw error;
    }
  }
  return { bytes: request.body as Buffer, pointer: '' };
}

/**
 * `POST /api/match`: the lookup HMA offers partners. JSON `{ hashes: [...] }` (up to 1,000),
 * or one image, as the body with an `image/*` content type or as the `file` field of a
 * multipart form: it is hashed in memory (PDQ, MD5, SHA-1, SHA-256), looked up, and dropped.
 */
export function detectionRoutes(app: HttpApp, deps: DetectionRouteOptions): void {
  void app.register(async (scope) => {
    const lookups = scope as HttpApp;
    lookups.addContentTypeParser(/^image\/[a-z0-9.+-]+$/, { parseAs: 'buffer', bodyLimit: MATCH_FILE_MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    await lookups.register(multipart, { limits: { fileSize: MATCH_FILE_MAX_BYTES, files: 1, fields: 0, parts: 2 } });
    lookups.post(
      '/api/match',
      {
        config: { access: { action: 'match.lookup' } },
        bodyLimit: MATCH_FILE_MAX_BYTES,
        // The multipart plugin traces the request's headers (a key, a cookie): never below debug.
        logLevel: 'debug',
        schema: {
          tags: ['detection'],
          summary: 'Look hashes or an image up in every bank',
          description:
            'JSON `{ hashes }`, or an image as the body (`image/*`) or as the `file` field of a multipart form. The image is hashed, looked up and discarded.',
          body: { content: { 'application/json': { schema: MatchRequest } } },
          response: { 200: MatchResponse },
        },
      },
      async (request): Promise<MatchAnswer> => {
        const actor = actorOfRequest(request);
        const type = request.headers['content-type'] ?? '';
        if (/^application\/json\b/i.test(type)) {
          const { hashes } = request.body as MatchRequest;
          const empty = hashes.findIndex((query) => hashKinds.every((kind) => query[kind] === undefined));
          if (empty !== -1) throw new Problem('validation', { fields: [fieldProblem(`/hashes/${empty}`, 'required')] });
          return { results: await auditedLookup(deps, actor, hashes, 'hashes') };
        }
        if (!request.isMultipart() && !/^image\//i.test(type)) throw new Problem('unsupported-media-type');
        const { bytes, pointer } = await imageOf(request);
        const inspected = await inspectMedia(bytes, { maxPixels: deps.maxPixels });
        if (!inspected.ok || inspected.media.kind !== 'image' || inspected.media.pdq === null || inspected.media.pdqQuality === null) {
          throw new Problem('validation', { fields: [fieldProblem(pointer, 'invalid')] });
        }
        const { pdq, pdqQuality, md5, sha1, sha256 } = inspected.media;
        const query = { pdq, pdqQuality, md5, sha1, sha256 };
        return { results: await auditedLookup(deps, actor, [query], 'file'), hashes: [query] };
      },
    );
  });
}
