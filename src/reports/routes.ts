import { can } from '../platform/access/index.js';
import type { ChallengeGuard } from '../platform/challenge/index.js';
import type { HttpApp } from '../platform/http/index.js';
import { IdParams } from './contracts.js';
import { mediaContentRoute, mediaUploadRoutes } from './media-routes.js';
import { HelplineReceipt, HelplineSubmission } from './helpline-call.js';
import { hotelAdminRoutes, hotelIntakeRoutes } from './hotel-routes.js';
import { publishedSchema, ReportContent } from './report-v1.js';
import { actorOfRequest, partnerOf, staffUserOf } from './request-actors.js';
import type { ReportService } from './service.js';
import { acceptStrictJsonOnly, strictValidatorCompiler } from './strict-input.js';
import * as c from './views.js';
import { xmlIntakeRoutes } from './xml-routes.js';

export interface ReportRouteOptions {
  reports: ReportService;
  /** The deployment's public URL, for the identifiers of the published schemas. */
  publicUrl: string;
  /** Per address and minute, on the public submission and addition routes. Default 10. */
  publicSubmissionsPerMinute?: number;
  /** Per address and minute, on the public status route. Default 30. */
  publicLookupsPerMinute?: number;
  /** Proof of work on the public submission and addition routes, checked after the body's validation. */
  requireSolvedChallenge: ChallengeGuard;
  /** The upload routes (media-routes.ts): the largest file (VIGIE_MEDIA_MAX_BYTES) and the public's rate. */
  media?: { maxBytes: number; publicUploadsPerMinute?: number };
}

/** The largest batch body: 500 reports of ordinary size, with room to spare. */
const batchBodyLimit = 10 * 1024 * 1024;

/**
 * Intake: partners' JSON submissions, the public's submissions with their receipt code, and
 * the published schemas. Strict input in this scope (see strict-input.ts).
 */
function intakeRoutes(scope: HttpApp, options: ReportRouteOptions): void {
  const { reports } = options;
  acceptStrictJsonOnly(scope);
  scope.setValidatorCompiler(strictValidatorCompiler);
  const submissionLimit = { max: options.publicSubmissionsPerMinute ?? 10, timeWindow: '1 minute' };
  const lookupLimit = { max: options.publicLookupsPerMinute ?? 30, timeWindow: '1 minute' };
  const submit = { access: { action: 'report.submit' } } as const;

  for (const which of ['report', 'report-content'] as const) {
    const document = publishedSchema(which, options.publicUrl);
    scope.get(
      `/api/schemas/${which}/v1.json`,
      { config: { access: { public: true } }, schema: { tags: ['schemas'], summary: `The ${which} format, version 1, as JSON Schema` } },
      async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(document),
    );
  }

  scope.post(
    '/api/partner/reports',
    {
      config: submit,
      schema: { tags: ['partner'], headers: c.IdempotencyHeaders, body: ReportContent, response: { 201: c.ReportReceipt } },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { replayed, receipt } = await reports.submitPartnerReport(partnerOf(request), key, request.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(receipt);
    },
  );

  scope.post(
    '/api/partner/reports/batch',
    {
      config: submit,
      bodyLimit: batchBodyLimit,
      schema: { tags: ['partner'], headers: c.IdempotencyHeaders, body: c.PartnerBatch, response: { 201: c.BatchReceipt } },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { replayed, receipt } = await reports.submitPartnerBatch(partnerOf(request), key, request.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(receipt);
    },
  );

  scope.post(
    '/api/helpline/calls',
    {
      config: { access: { action: 'report.record-call' } },
      schema: {
        tags: ['helpline'],
        headers: c.OptionalIdempotencyHeaders,
        body: HelplineSubmission,
        response: { 201: HelplineReceipt },
      },
    },
    async (request, reply) => {
      const operator = { actor: actorOfRequest(request), userId: staffUserOf(request).userId };
      const { replayed, receipt } = await reports.recordCall(operator, request.headers['idempotency-key'], request.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(receipt);
    },
  );

  scope.post(
    '/api/public/reports',
    {
      config: { access: { public: true }, rateLimit: submissionLimit },
      schema: { tags: ['public'], body: ReportContent, response: { 201: c.PublicReceipt } },
      preHandler: options.requireSolvedChallenge,
    },
    async (request, reply) => reply.code(201).send(await reports.submitPublicReport(actorOfRequest(request), request.body)),
  );

  scope.get(
    '/api/public/reports/status',
    {
      config: { access: { public: true }, rateLimit: lookupLimit },
      schema: { tags: ['public'], headers: c.ReceiptHeaders, response: { 200: c.PublicStatus } },
    },
    (request) => reports.publicStatus(request.headers['receipt-code']),
  );

  scope.post(
    '/api/public/reports/additions',
    {
      config: { access: { public: true }, rateLimit: submissionLimit },
      schema: { tags: ['public'], body: c.PublicAddition, response: { 201: c.AdditionReceipt } },
      preHandler: options.requireSolvedChallenge,
    },
    async (request, reply) => {
      const { receiptCode, ...addition } = request.body;
      return reply.code(201).send(await reports.addInformation(actorOfRequest(request), receiptCode, addition));
    },
  );
}

/** Staff: the list and the non-personal view, and the audited personal view. */
function staffRoutes(app: HttpApp, { reports }: ReportRouteOptions): void {
  const tags = ['reports'];
  app.get(
    '/api/reports',
    { config: { access: { action: 'report.list' } }, schema: { tags, querystring: c.ReportFilter, response: { 200: c.ReportPage } } },
    (request) => reports.listReports(request.query),
  );
  app.get(
    '/api/reports/:id',
    { config: { access: { action: 'report.read' } }, schema: { tags, params: IdParams, response: { 200: c.ReportDetail } } },
    (request) => reports.readReport(request.params.id),
  );
  app.get(
    '/api/reports/:id/personal-data',
    {
      config: { access: { action: 'report.read-personal' } },
      schema: { tags, params: IdParams, response: { 200: c.PersonalView } },
    },
    (request) => {
      const user = staffUserOf(request);
      const reader = { actor: actorOfRequest(request), ...(can(user, 'report.read-personal-any') ? {} : { onlyRecordedBy: user.userId }) };
      return reports.readPersonalData(reader, request.params.id);
    },
  );
}

export function reportRoutes(app: HttpApp, options: ReportRouteOptions): void {
  void app.register(async (scope) => intakeRoutes(scope as HttpApp, options));
  void app.register(async (scope) => xmlIntakeRoutes(scope as HttpApp, options));
  void app.register(async (scope) => hotelIntakeRoutes(scope as HttpApp, options));
  hotelAdminRoutes(app, options);
  const media = options.media;
  if (media) void app.register(async (scope) => mediaUploadRoutes(scope as HttpApp, { ...options, ...media }));
  staffRoutes(app, options);
  mediaContentRoute(app, options);
}
