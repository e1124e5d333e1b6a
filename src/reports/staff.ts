import { sql, type Selectable } from 'kysely';
import { Problem } from '../platform/http/index.js';
import { callOf, callRecordOf, callSummaryOf } from './calls.js';
import { ncmecMapping, type Category } from './categories.js';
import { readClusters } from './clusters.js';
import type { ReportContext } from './context.js';
import { itemsContentOf, reportDocumentOf } from './document.js';
import { hotelOfReport } from './hotels.js';
import { mediaDetailsOf } from './media-view.js';
import { sealContext, type ReportStatus } from './model.js';
import type { Actor } from './ports.js';
import type { Channel, ReportV1 } from './report-v1.js';
import type { ReportsTable } from './tables.js';
import type { ReportDetail, ReportFilter, ReportPage, ReportSummary, PersonalView } from './views.js';

/** What staff see of reports: lists and details without personal data, and the audited personal view. */

export const summaryColumns = [
  'id',
  'channel',
  'category',
  'urgent',
  'status',
  'language',
  'countries',
  'received_at',
  'url_count',
  'media_count',
  'identifier_count',
  'children_count',
  'reported_persons_count',
  'priority',
  'known_content',
  'age_group',
] as const;

export function summaryOf(row: Pick<Selectable<ReportsTable>, (typeof summaryColumns)[number]>): ReportSummary {
  return {
    id: row.id,
    channel: row.channel as Channel,
    category: row.category as Category,
    urgent: row.urgent,
    status: row.status as ReportStatus,
    language: row.language,
    countries: row.countries,
    receivedAt: new Date(row.received_at).toISOString(),
    counts: {
      urls: row.url_count,
      media: row.media_count,
      onlineIdentifiers: row.identifier_count,
      children: row.children_count,
      reportedPersons: row.reported_persons_count,
    },
    priority: row.priority,
    knownContent: row.known_content,
    ageGroup: row.age_group as ReportSummary['ageGroup'],
  };
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at);
  if (Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new Problem('validation', { fields: [{ in: 'query', parameter: 'cursor', code: 'invalid' }] });
  }
  return { at: when, id };
}

/** Newest first, a page at a time; the cursor is where the previous page stopped. */
export async function listReports(ctx: ReportContext, filter: ReportFilter): Promise<ReportPage> {
  const limit = filter.limit ?? 50;
  let query = ctx.db.selectFrom('reports').select(summaryColumns);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.urgent !== undefined) query = query.where('urgent', '=', filter.urgent);
  if (filter.country) query = query.where(sql<boolean>`countries @> array[${filter.country}]::text[]`);
  if (filter.receivedFrom) query = query.where('received_at', '>=', new Date(filter.receivedFrom));
  if (filter.receivedTo) query = query.where('received_at', '<', new Date(filter.receivedTo));
  if (filter.cursor) {
    const { at, id } = decodeCursor(filter.cursor);
    query = query.where((eb) => eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(at, id)));
  }
  const rows = await query
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { reports: page.map(summaryOf), next: rows.length > limit && last ? encodeCursor(new Date(last.received_at), last.id) : null };
}

/** Reports of its cluster shown in a report's view; routing reads whole clusters through `clusterOf`. */
const clusterShown = 100;

export async function readReport(ctx: ReportContext, id: string): Promise<ReportDetail> {
  const row = await ctx.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new Problem('not-found');
  const [items, media, additions, links, call, hotel, clusters] = await Promise.all([
    ctx.db
      .selectFrom('report_items')
      .select(['url_host'])
      .where('report_id', '=', id)
      .where('kind', '=', 'url')
      .orderBy('addition_id', (ob) => ob.nullsFirst())
      .orderBy('position')
      .execute(),
    mediaDetailsOf(ctx.db, id),
    ctx.db.selectFrom('report_additions').select(['id', 'received_at']).where('report_id', '=', id).orderBy('received_at').execute(),
    ctx.db.selectFrom('report_links').select(['linked_report_id', 'kind']).where('report_id', '=', id).orderBy('linked_at').execute(),
    callOf(ctx.db, id),
    hotelOfReport(ctx.db, id),
    readClusters(ctx.db, [id], { limit: clusterShown }),
  ]);
  const linked = new Map<string, string[]>();
  for (const link of links) linked.set(link.linked_report_id, [...(linked.get(link.linked_report_id) ?? []), link.kind]);
  const mapping = ncmecMapping[row.category as Category];
  return {
    ...summaryOf(row),
    subdivisions: row.subdivisions,
    occurredAt: row.occurred,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    submittedBy: row.organisation_id ? { organisationId: row.organisation_id, apiKeyId: row.api_key_id } : null,
    reporter: {
      role: row.reporter_role as ReportDetail['reporter']['role'],
      anonymous: row.reporter_contact_sealed === null,
      consentToContact: row.consent_to_contact,
    },
    ncmec: { incidentTypes: [...mapping.incidentTypes], annotations: [...mapping.annotations] },
    urlHosts: [...new Set(items.flatMap((item) => (item.url_host ? [item.url_host] : [])))],
    media,
    additions: additions.map((addition) => ({ id: addition.id, receivedAt: new Date(addition.received_at).toISOString() })),
    links: [...linked].map(([reportId, kinds]) => ({ reportId, kinds })),
    cluster: clusters[0]!,
    call: call ? callSummaryOf(call) : null,
    hotel,
  };
}

/**
 * Who reads: any report's personal data (analysts), or only that of the calls one recorded
 * (an intake operator, `onlyRecordedBy` their user id): the object-level rule on top of the policy.
 */
export interface PersonalReader {
  actor: Actor;
  onlyRecordedBy?: string;
}

/** Decrypts the whole report for a role that needs it; the read is audited in the same transaction. */
export async function readPersonalData(ctx: ReportContext, reader: PersonalReader, id: string): Promise<PersonalView> {
  const { actor } = reader;
  return ctx.change(async (trx, tools) => {
    const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Problem('not-found');
    const call = await callOf(trx, id);
    if (reader.onlyRecordedBy !== undefined && call?.recorded_by !== reader.onlyRecordedBy) throw new Problem('forbidden');
    const hotel = await hotelOfReport(trx, id);
    const items = await trx.selectFrom('report_items').selectAll().where('report_id', '=', id).execute();
    const additions = await trx.selectFrom('report_additions').selectAll().where('report_id', '=', id).orderBy('received_at').execute();
    const sealedFields = (['narrative', 'reporter_contact', 'children', 'reported_persons', 'places'] as const).filter(
      (field) => row[`${field}_sealed`] !== null,
    );
    await tools.audit(actor, {
      action: 'report.read-personal',
      subjectType: 'report',
      subjectId: id,
      detail: {
        fields: [
          ...sealedFields,
          ...(items.length > 0 ? ['items'] : []),
          ...(additions.length > 0 ? ['additions'] : []),
          ...(call && (call.advice_sealed !== null || call.referral_note_sealed !== null) ? ['call'] : []),
        ],
      },
    });
    const report: ReportV1 = reportDocumentOf(
      ctx.sealer,
      row,
      items.filter((item) => item.addition_id === null),
    );
    return {
      report,
      ...(call ? { call: callRecordOf(ctx.sealer, call) } : {}),
      ...(hotel ? { hotel } : {}),
      additions: additions.map((addition) => ({
        id: addition.id,
        receivedAt: new Date(addition.received_at).toISOString(),
        ...(addition.narrative_sealed
          ? { narrative: ctx.sealer.open(addition.narrative_sealed, sealContext('report_additions', 'narrative_sealed', addition.id)) }
          : {}),
        ...itemsContentOf(
          ctx.sealer,
          items.filter((item) => item.addition_id === addition.id),
        ),
      })),
    };
  });
}
