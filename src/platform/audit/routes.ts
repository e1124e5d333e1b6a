import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { HttpApp } from '../http/index.js';
import type { AnyDatabase } from '../store/index.js';
import { readAudit } from './read.js';
import { pendingAudit, sealAudit } from './seal.js';
import { readSubjectHistory } from './subject-history.js';
import { verifyAudit } from './verify.js';

const Problem = Type.Object({ seq: Type.String(), problem: Type.String(), message: Type.String() });
const Verification = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Number(),
  problems: Type.Array(Problem),
  truncated: Type.Boolean(),
  pending: Type.Integer({ description: 'entries written but not chained yet (their transactions may still run)' }),
});
const Entry = Type.Object({
  seq: Type.String(),
  at: Type.String(),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
const Query = Type.Object(
  {
    subjectType: Type.String({ minLength: 1, maxLength: 64 }),
    subjectId: Type.String({ minLength: 1, maxLength: 128 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
  },
  { additionalProperties: false },
);

const HistoryEntry = Type.Object({
  seq: Type.Union([Type.String(), Type.Null()], { description: 'Null while the entry waits to be chained' }),
  at: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
const ReportParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const HistoryQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })) },
  { additionalProperties: false },
);

export function auditRoutes(app: HttpApp, { db }: { db: Kysely<AnyDatabase> }): void {
  const tags = ['audit'];
  app.get(
    '/api/audit/verify',
    { config: { access: { action: 'audit.verify' } }, schema: { tags, response: { 200: Verification } } },
    async () => {
      await sealAudit(db);
      const result = await verifyAudit(db);
      return { ...result, pending: (await pendingAudit(db)).count };
    },
  );
  app.get(
    '/api/audit',
    { config: { access: { action: 'audit.read' } }, schema: { tags, querystring: Query, response: { 200: Type.Array(Entry) } } },
    (request) => readAudit(db, request.query),
  );
  // A report's own history, for whoever may read the report: the log holds ids and codes only.
  app.get(
    '/api/reports/:id/history',
    {
      config: { access: { action: 'report.read' } },
      schema: {
        tags: ['reports'],
        summary: "The report's history from the audit log, newest first",
        params: ReportParams,
        querystring: HistoryQuery,
        response: { 200: Type.Object({ entries: Type.Array(HistoryEntry) }) },
      },
    },
    async (request) => ({
      entries: await readSubjectHistory(db, { type: 'report', id: request.params.id }, request.query.limit ?? 200),
    }),
  );
}
