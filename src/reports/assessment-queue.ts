import { sql } from 'kysely';
import { Problem } from '../platform/http/index.js';
import { queueStages, type QueueStage } from './assessment-stage.js';
import type { Category } from './categories.js';
import type { ReportContext } from './context.js';
import type { AgeGroup, ReportStatus } from './model.js';
import type { Channel } from './report-v1.js';
import { summaryColumns, summaryOf } from './staff.js';
import type { ReportSummary } from './views.js';

/** What triage asks of the queue: the stages, the report's own filters, and id lists of its own (claims). */
export interface AssessmentQueueQuery {
  stages: readonly QueueStage[];
  category?: Category;
  channel?: Channel;
  status?: ReportStatus;
  urgent?: boolean;
  knownContent?: boolean;
  country?: string;
  ageGroup?: AgeGroup;
  /** Only reports received before this instant: those that have waited long. */
  receivedBefore?: Date;
  /** Only these reports (the claims of an analyst); at most a few hundred. */
  onlyIds?: readonly string[];
  /** Not these reports (the claims held now); at most a few hundred. */
  exceptIds?: readonly string[];
  limit: number;
  cursor?: string;
}

export type QueuedReport = ReportSummary & { stage: QueueStage };

export interface AssessmentQueuePage {
  reports: QueuedReport[];
  next: string | null;
}

const encodeCursor = (priority: number, at: Date, id: string) => Buffer.from(`${priority}|${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { priority: number; at: Date; id: string } {
  const [priority = '', at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at);
  if (!/^\d{1,3}$/.test(priority) || Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new Problem('validation', { fields: [{ in: 'query', parameter: 'cursor', code: 'invalid' }] });
  }
  return { priority: Number(priority), at: when, id };
}

/**
 * The assessment queue: reports whose assessment is not final, highest priority first (a
 * child in immediate danger, known content, trafficking, then the youngest age group: the
 * stored `priority`, which detection raises after intake), then the oldest first. Served by
 * the partial index `reports_assessment_queue`.
 */
export async function assessmentQueue(ctx: ReportContext, query: AssessmentQueueQuery): Promise<AssessmentQueuePage> {
  const stages = query.stages.length > 0 ? query.stages : queueStages;
  if (query.onlyIds && query.onlyIds.length === 0) return { reports: [], next: null };
  let select = ctx.db
    .selectFrom('reports')
    .select([...summaryColumns, 'assessment_stage'])
    .where('assessment_stage', '<>', 'final')
    .where('assessment_stage', 'in', [...stages]);
  if (query.category) select = select.where('category', '=', query.category);
  if (query.channel) select = select.where('channel', '=', query.channel);
  if (query.status) select = select.where('status', '=', query.status);
  if (query.urgent !== undefined) select = select.where('urgent', '=', query.urgent);
  if (query.knownContent !== undefined) select = select.where('known_content', '=', query.knownContent);
  if (query.country) select = select.where(sql<boolean>`countries @> array[${query.country}]::text[]`);
  if (query.ageGroup) select = select.where('age_group', '=', query.ageGroup);
  if (query.receivedBefore) select = select.where('received_at', '<', query.receivedBefore);
  if (query.onlyIds) select = select.where('id', 'in', [...query.onlyIds]);
  if (query.exceptIds && query.exceptIds.length > 0) select = select.where('id', 'not in', [...query.exceptIds]);
  if (query.cursor) {
    const { priority, at, id } = decodeCursor(query.cursor);
    // (priority desc, received_at, id): the first condition bounds the index scan.
    select = select
      .where('priority', '<=', priority)
      .where((eb) => eb.or([eb('priority', '<', priority), eb(eb.refTuple('received_at', 'id'), '>', eb.tuple(at, id))]));
  }
  const rows = await select
    .orderBy('priority', 'desc')
    .orderBy('received_at', 'asc')
    .orderBy('id', 'asc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    reports: page.map((row) => ({ ...summaryOf(row), stage: row.assessment_stage as QueueStage })),
    next: rows.length > query.limit && last ? encodeCursor(last.priority, new Date(last.received_at), last.id) : null,
  };
}

export interface StageCount {
  stage: QueueStage;
  total: number;
  urgent: number;
  knownContent: number;
}

/** How many reports wait at each stage of the queue, of which urgent and with known content: one scan of a small index. */
export async function assessmentCounts(ctx: ReportContext): Promise<StageCount[]> {
  const rows = await ctx.db
    .selectFrom('reports')
    .select((eb) => [
      'assessment_stage',
      eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where urgent)`.as('urgent'),
      sql<string>`count(*) filter (where known_content)`.as('known'),
    ])
    .where('assessment_stage', '<>', 'final')
    .groupBy('assessment_stage')
    .execute();
  return queueStages.map((stage) => {
    const row = rows.find((candidate) => candidate.assessment_stage === stage);
    return { stage, total: Number(row?.total ?? 0), urgent: Number(row?.urgent ?? 0), knownContent: Number(row?.known ?? 0) };
  });
}
