import type { FastifyRequest } from 'fastify';
import { actorOf } from '../platform/access/index.js';
import type { HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { BlocklistFormat } from './model.js';
import type { Actor } from './ports.js';
import type { BlocklistService } from './service.js';

export interface BlocklistRouteOptions {
  blocklist: BlocklistService;
}

const tags = ['blocklist'];

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

/** The format asked for: the query's, else the first the Accept header names, else plain text. */
function formatOf(asked: BlocklistFormat | undefined, accept = ''): BlocklistFormat {
  if (asked) return asked;
  const offered: [string, BlocklistFormat][] = [
    ['text/csv', 'csv'],
    ['application/json', 'json'],
    ['text/plain', 'txt'],
  ];
  const named = offered
    .map(([type, format]) => ({ format, at: accept.indexOf(type) }))
    .filter((candidate) => candidate.at >= 0)
    .sort((a, b) => a.at - b.at);
  return named[0]?.format ?? 'txt';
}

/** The blocklist for internet providers' keys, its versions for staff, and a refresh on demand. */
export function blocklistRoutes(app: HttpApp, { blocklist }: BlocklistRouteOptions): void {
  app.get(
    '/api/blocklist',
    {
      config: { access: { action: 'blocklist.download' } },
      schema: {
        tags,
        summary: 'The URLs confirmed illegal and not yet removed, or the exact difference since a version',
        description:
          'For partner keys scoped `blocklist.download`. Sorted by URL; `X-Blocklist-Version` names the version; the ETag ' +
          'names version, format and base, so If-None-Match answers 304 while nothing changed. Every download is audited.',
        querystring: c.DownloadQuery,
      },
    },
    async (request, reply) => {
      const format = formatOf(request.query.format, request.headers.accept);
      const ifNoneMatch = request.headers['if-none-match'];
      const answer = await blocklist.download(actorOfRequest(request), {
        format,
        ...(request.query.since === undefined ? {} : { since: request.query.since }),
        ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
      });
      reply.header('etag', answer.etag).header('x-blocklist-version', String(answer.version)).header('vary', 'accept');
      if (answer.notModified) return reply.code(304).send();
      return reply.type(answer.contentType).send(answer.body);
    },
  );
  app.get(
    '/api/blocklist/versions',
    {
      config: { access: { action: 'blocklist.read' } },
      schema: { tags, summary: "The list's last 100 versions: size, additions and removals", response: { 200: c.VersionList } },
    },
    () => blocklist.listVersions(),
  );
  app.post(
    '/api/blocklist/refresh',
    {
      config: { access: { action: 'blocklist.refresh' } },
      schema: {
        tags,
        summary: 'Asks for the list to be recomputed now (it is, anyway, every few minutes)',
        response: { 202: c.RefreshAnswer },
      },
    },
    async (_request, reply) => reply.code(202).send({ queued: await blocklist.askRefresh() }),
  );
}
