import type { FastifyRequest } from 'fastify';
import { actorOf } from '../platform/access/index.js';
import type { HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { Actor } from './ports.js';
import type { ContributionService } from './service.js';

export interface ContributionRouteOptions {
  contribution: ContributionService;
}

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

/** The international contribution package, for administrators. */
export function contributionRoutes(app: HttpApp, { contribution }: ContributionRouteOptions): void {
  app.get(
    '/api/contribution/package',
    {
      config: { access: { action: 'contribution.export' } },
      schema: {
        tags: ['contribution'],
        summary: 'Classified hashes (never images) for a national contribution to an international database',
        description:
          'JSON Lines: the first line is `{"manifest": …}`, the following lines are hashes.jsonl byte for byte ' +
          '(their SHA-256 is the manifest’s content.sha256). Audited.',
        querystring: c.ExportQuery,
      },
    },
    async (request, reply) => {
      const pack = await contribution.build(actorOfRequest(request), { banks: request.query.bank ?? [] });
      return reply
        .type('application/jsonl; charset=utf-8')
        .header('content-disposition', `attachment; filename="vigie-contribution-${pack.manifest.createdAt.slice(0, 10)}.jsonl"`)
        .send(`${JSON.stringify({ manifest: pack.manifest })}\n${pack.content}`);
    },
  );
}
