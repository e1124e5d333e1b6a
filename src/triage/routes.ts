import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, can } from '../platform/access/index.js';
import { Problem, type HttpApp } from '../platform/http/index.js';
import * as c from './contracts.js';
import type { Analyst } from './eligibility.js';
import type { Actor } from './ports.js';
import type { TriageService } from './service.js';

export interface TriageRouteOptions {
  triage: TriageService;
}

const tags = ['assessment'];
const access = (action: 'queue' | 'claim' | 'assess' | 'confirm' | 'reassign' | 'read-notes') =>
  ({ access: { action: `assessment.${action}` } }) as const;

function actorOfRequest(request: FastifyRequest): Actor {
  return { ...actorOf(request.principal), organisationId: request.principal?.organisationId ?? null, requestId: request.id };
}

function analystOf(request: FastifyRequest): Analyst {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new Problem('forbidden');
  return { actor: actorOfRequest(request), userId: principal.userId, mayResolve: can(principal, 'assessment.resolve') };
}

/**
 * Answers a view the console polls with its ETag (a hash of the body), or 304 when the
 * console's `If-None-Match` names it: nothing changed since its last poll. The API's
 * `no-store` stays, so the console keeps the last ETag itself.
 */
function sendTagged(request: FastifyRequest, reply: FastifyReply, body: object): FastifyReply {
  const tag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', tag);
  const given = request.headers['if-none-match'];
  if (given !== undefined && given.split(',').some((candidate) => candidate.trim() === tag)) return reply.code(304).send();
  return reply.send(body);
}

function queueRoutes(app: HttpApp, { triage }: TriageRouteOptions): void {
  app.get(
    '/api/triage/queue',
    {
      config: access('queue'),
      schema: {
        tags,
        summary: 'The assessment queue: immediate danger, known content, trafficking, age group, then oldest first',
        querystring: c.QueueFilter,
        response: { 200: c.QueuePage },
      },
    },
    async (request, reply) => sendTagged(request, reply, await triage.queue({ userId: analystOf(request).userId }, request.query)),
  );
  app.get(
    '/api/triage/counts',
    {
      config: access('queue'),
      schema: { tags, summary: 'Reports waiting at each stage; poll with If-None-Match', response: { 200: c.QueueCounts } },
    },
    async (request, reply) => sendTagged(request, reply, await triage.queueCounts({ userId: analystOf(request).userId })),
  );
  app.get(
    '/api/triage/reports/:id',
    {
      config: access('queue'),
      schema: {
        tags,
        summary: "A report's assessment: stage, claim, history (without notes)",
        params: c.ReportParams,
        response: { 200: c.ReportAssessment },
      },
    },
    (request) => triage.reportAssessment(request.params.id),
  );
  app.get(
    '/api/triage/reports/:id/notes',
    {
      config: access('read-notes'),
      schema: { tags, summary: "The analysts' notes, decrypted; each read audited", params: c.ReportParams, response: { 200: c.Notes } },
    },
    (request) => triage.notesOf(actorOfRequest(request), request.params.id),
  );
}

function claimRoutes(app: HttpApp, { triage }: TriageRouteOptions): void {
  app.post(
    '/api/triage/reports/:id/claim',
    {
      config: access('claim'),
      schema: { tags, summary: 'Claim a report (or renew my claim)', params: c.ReportParams, response: { 200: c.ClaimResult } },
    },
    (request) => triage.claimReport(analystOf(request), request.params.id),
  );
  app.delete(
    '/api/triage/reports/:id/claim',
    { config: access('claim'), schema: { tags, summary: 'Release my claim', params: c.ReportParams } },
    async (request, reply) => {
      await triage.releaseClaim(analystOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.put(
    '/api/triage/reports/:id/claim',
    {
      config: access('reassign'),
      schema: {
        tags,
        summary: 'Hand the claim to another analyst, or take it back (userId null)',
        params: c.ReportParams,
        body: c.Reassignment,
        response: { 200: c.ReassignResult },
      },
    },
    async (request) => ({ claim: await triage.reassignClaim(actorOfRequest(request), request.params.id, request.body.userId) }),
  );
  app.get(
    '/api/triage/assignees',
    {
      config: access('reassign'),
      schema: {
        tags,
        summary: 'The analysts of my organisation I may hand a claim to, by name (the read audited)',
        response: { 200: c.Assignees },
      },
    },
    async (request) => ({ assignees: await triage.assignees(actorOfRequest(request)) }),
  );
  app.post(
    '/api/triage/next',
    {
      config: access('claim'),
      schema: {
        tags,
        summary: 'Claim the first free report of the queue that I may take',
        querystring: c.QueueFilter,
        response: { 200: c.ClaimResult },
      },
    },
    (request) => triage.claimNext(analystOf(request), request.query),
  );
}

function assessmentRoutes(app: HttpApp, { triage }: TriageRouteOptions): void {
  app.post(
    '/api/triage/reports/:id/assessment',
    {
      config: access('assess'),
      schema: { tags, summary: 'Assess a report I hold', params: c.ReportParams, body: c.NewAssessment, response: { 201: c.StepResult } },
    },
    async (request, reply) => reply.code(201).send(await triage.assessReport(analystOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/triage/reports/:id/confirmation',
    {
      config: access('confirm'),
      schema: {
        tags,
        summary: "Confirm another analyst's assessment: it becomes final",
        params: c.ReportParams,
        body: c.Confirmation,
        response: { 200: c.StepResult },
      },
    },
    (request) => triage.confirmAssessment(analystOf(request), request.params.id, request.body.assessmentId),
  );
  app.post(
    '/api/triage/reports/:id/disagreement',
    {
      config: access('confirm'),
      schema: {
        tags,
        summary: "Disagree with another analyst's assessment: the report is disputed, for a senior analyst",
        params: c.ReportParams,
        body: c.Disagreement,
        response: { 200: c.StepResult },
      },
    },
    (request) => triage.disagreeWithAssessment(analystOf(request), request.params.id, request.body),
  );
}

/** The assessment API: the queue, claims, assessments and reviews. */
export function triageRoutes(app: HttpApp, options: TriageRouteOptions): void {
  queueRoutes(app, options);
  claimRoutes(app, options);
  assessmentRoutes(app, options);
}
