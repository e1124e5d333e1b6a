import type { FastifyRequest } from 'fastify';
import { actorOf } from '../platform/access/index.js';
import type { HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { Actor } from './ports.js';
import { publishedRuleSchema, RuleSet } from './rule-format.js';
import type { RoutingService } from './service.js';

export interface RoutingRouteOptions {
  routing: RoutingService;
  /** The deployment's public URL, for the identifier of the published schema. */
  publicUrl: string;
}

const tags = ['routing'];
const read = { access: { action: 'routing.read' } } as const;
const edit = { access: { action: 'routing.edit' } } as const;

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

/** The rules' schema, their versions (each edit a new one), activation and the dry run. */
export function routingRoutes(app: HttpApp, { routing, publicUrl }: RoutingRouteOptions): void {
  const schemaDocument = publishedRuleSchema(publicUrl);
  app.get(
    '/api/schemas/routing-rules/v1.json',
    { config: { access: { public: true } }, schema: { tags: ['schemas'], summary: 'The routing rules format, version 1, as JSON Schema' } },
    async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(schemaDocument),
  );
  app.get('/api/routing/versions', { config: read, schema: { tags, response: { 200: c.VersionList } } }, () => routing.listVersions());
  app.post(
    '/api/routing/versions',
    {
      config: edit,
      schema: {
        tags,
        summary: 'Save edited rules as a new version, a draft until activated',
        body: c.NewVersion,
        response: { 201: c.VersionDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await routing.createVersion(actorOfRequest(request), request.body)),
  );
  app.get(
    '/api/routing/active',
    { config: read, schema: { tags, summary: 'The version in force', response: { 200: c.VersionDetail } } },
    async () => {
      const active = await routing.activeRules();
      return routing.readVersion(active?.version ?? 0);
    },
  );
  app.get(
    '/api/routing/default-rules',
    {
      config: read,
      schema: { tags, summary: 'The rule set shipped for a French deployment (version 1 of a new deployment)', response: { 200: RuleSet } },
    },
    () => routing.defaultRules(),
  );
  app.get(
    '/api/routing/versions/:version',
    { config: read, schema: { tags, params: c.VersionParams, response: { 200: c.VersionDetail } } },
    (request) => routing.readVersion(request.params.version),
  );
  app.post(
    '/api/routing/versions/:version/activate',
    { config: edit, schema: { tags, summary: 'Put this version in force', params: c.VersionParams, response: { 200: c.VersionDetail } } },
    (request) => routing.activateVersion(actorOfRequest(request), request.params.version),
  );
  app.post(
    '/api/routing/versions/:version/dry-run',
    {
      config: { access: { action: 'routing.dry-run' } },
      schema: {
        tags,
        summary: 'What this version would refer, and to whom, for stored reports; nothing is written',
        params: c.VersionParams,
        body: c.DryRunQuery,
        response: { 200: c.DryRunAnswer },
      },
    },
    (request) => routing.dryRun(request.params.version, request.body),
  );
}
