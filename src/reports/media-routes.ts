import type { FastifyReply, FastifyRequest, LogLevel } from 'fastify';
import type { ChallengeGuard } from '../platform/challenge/index.js';
import type { Action } from '../platform/access/index.js';
import type { HttpApp } from '../platform/http/index.js';
import { acceptOneFile, readOneFile } from './media-multipart.js';
import { MediaContentParams, UploadReceipt } from './media-views.js';
import { actorOfRequest } from './request-actors.js';
import type { ReportService } from './service.js';

export interface MediaRouteOptions {
  reports: ReportService;
  /** Largest file accepted (VIGIE_MEDIA_MAX_BYTES). */
  maxBytes: number;
  /** Per address and minute, on the public upload route. Default 30. */
  publicUploadsPerMinute?: number;
  /** Proof of work on the public upload route, as on the public submission. */
  requireSolvedChallenge: ChallengeGuard;
}

const quieterThanDebug: readonly LogLevel[] = ['info', 'warn', 'error', 'fatal', 'silent'];
const atLeastDebug = (configured: string): LogLevel => quieterThanDebug.find((level) => level === configured) ?? 'debug';

const uploadSchema = (tag: string) => ({
  tags: [tag],
  summary: 'Upload one picture or video (multipart/form-data, field "file"); name it in a report by its uploadId',
  consumes: ['multipart/form-data'],
  response: { 201: UploadReceipt },
});

/**
 * Uploads: one file per request, in the `file` field of a multipart form. The public's (rate
 * limited per address, with the same proof of work as a public submission: each upload costs
 * decoding and hashing, so it is the costlier thing to flood), a partner's, and a helpline
 * operator's while recording a call. Each answers 201 `{ uploadId, mediaType, size, … }`.
 */
export async function mediaUploadRoutes(scope: HttpApp, options: MediaRouteOptions): Promise<void> {
  await acceptOneFile(scope);
  const upload = async (request: FastifyRequest, reply: FastifyReply) => {
    const file = await readOneFile(request, options.maxBytes);
    try {
      return reply.code(201).send(await options.reports.stageUpload(actorOfRequest(request), file));
    } finally {
      // Minimum possession: the bytes do not linger in memory once hashed (and sealed, when kept).
      file.bytes.fill(0);
    }
  };
  // The multipart plugin traces its options, the request's headers included (a partner's key,
  // a session cookie): these routes never log below debug, and no more than the deployment asks.
  const logLevel = atLeastDebug(scope.log.level);
  const staff = (action: Action) => ({ config: { access: { action } }, logLevel });

  scope.post(
    '/api/public/media',
    {
      config: { access: { public: true }, rateLimit: { max: options.publicUploadsPerMinute ?? 30, timeWindow: '1 minute' } },
      schema: uploadSchema('public'),
      preHandler: options.requireSolvedChallenge,
      logLevel,
    },
    upload,
  );
  scope.post('/api/partner/media', { ...staff('report.submit'), schema: uploadSchema('partner') }, upload);
  scope.post('/api/helpline/media', { ...staff('report.record-call'), schema: uploadSchema('helpline') }, upload);
}

/**
 * The quarantined bytes of one media item, for an analyst (the console shows them blurred):
 * each read audited in the same transaction. Served with the type found in the bytes, as an
 * attachment-free inline body that the browser may not sniff, run or cache.
 */
export function mediaContentRoute(app: HttpApp, { reports }: Pick<MediaRouteOptions, 'reports'>): void {
  app.get(
    '/api/reports/:id/media/:itemId/content',
    {
      config: { access: { action: 'report.view-media' } },
      schema: { tags: ['reports'], params: MediaContentParams, summary: 'The quarantined file of a media item (audited)' },
    },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const content = await reports.viewQuarantinedMedia(actorOfRequest(request), id, itemId);
      return reply
        .type(content.mediaType)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .header('cache-control', 'no-store')
        .send(Buffer.from(content.bytes));
    },
  );
}
