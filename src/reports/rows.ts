import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { ItemsContent } from './checks.js';
import { hostOf, matchKeysOf, type KeyedContent } from './match-keys.js';
import { ageGroupOfChild, priorityOf, sealContext, youngestAgeGroup } from './model.js';
import type { Sealer } from './ports.js';
import type { Channel, ReportContent } from './report-v1.js';
import type { ReportItemsTable, ReportMatchKeysTable, ReportsTable } from './tables.js';

/** A report about to be written: its content and what the receiving side knows of it. */
export interface IncomingReport {
  id: string;
  channel: Channel;
  receivedAt: Date;
  organisationId: string | null;
  apiKeyId: string | null;
  receiptHash: string | null;
  content: ReportContent;
  /** Where this report's content is in the request body (`/reports/3` in a batch), for problems found while writing it. */
  pointer?: string;
}

export interface ReportRows {
  report: Insertable<ReportsTable>;
  items: Insertable<ReportItemsTable>[];
  keys: Insertable<ReportMatchKeysTable>[];
}

const sealJson = (sealer: Sealer, value: unknown, context: string) => sealer.seal(JSON.stringify(value), context);
const nonEmpty = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/** The item rows of a report or of an addition, their values sealed. */
export function itemRows(
  sealer: Sealer,
  reportId: string,
  additionId: string | null,
  content: ItemsContent,
): Insertable<ReportItemsTable>[] {
  const rows: Insertable<ReportItemsTable>[] = [];
  const base = (kind: ReportItemsTable['kind']) => {
    const id = randomUUID();
    const row = {
      id,
      report_id: reportId,
      addition_id: additionId,
      position: rows.length,
      kind,
      url_host: null,
      md5: null,
      sha1: null,
      sha256: null,
      pdq: null,
      pdq_quality: null,
      media_type: null,
      value_sealed: null,
    };
    return { row, context: sealContext('report_items', 'value_sealed', id) };
  };
  for (const url of content.urls ?? []) {
    const { row, context } = base('url');
    rows.push({ ...row, url_host: hostOf(url), value_sealed: sealer.seal(url, context) });
  }
  for (const media of content.media ?? []) {
    const { row, context } = base('media');
    // Every item has its hashes by now: given, or copied from its upload (upload-consume.ts).
    const { md5, sha1, sha256, pdq } = media.hashes ?? {};
    const details = { ...(media.fileName !== undefined ? { fileName: media.fileName } : {}), ...(media.url ? { url: media.url } : {}) };
    rows.push({
      ...row,
      md5: md5?.toLowerCase() ?? null,
      sha1: sha1?.toLowerCase() ?? null,
      sha256: sha256?.toLowerCase() ?? null,
      pdq: pdq?.toLowerCase() ?? null,
      pdq_quality: media.pdqQuality ?? null,
      media_type: media.mediaType ?? null,
      value_sealed: Object.keys(details).length > 0 ? sealJson(sealer, details, context) : null,
    });
  }
  for (const identifier of content.onlineIdentifiers ?? []) {
    const { row, context } = base('online_identifier');
    rows.push({ ...row, value_sealed: sealJson(sealer, identifier, context) });
  }
  return rows;
}

export function matchKeyRows(sealer: Sealer, reportId: string, content: KeyedContent, receivedAt: Date) {
  return matchKeysOf(sealer, content, receivedAt).map((key) => ({ report_id: reportId, kind: key.kind, value: key.value }));
}

/** The rows of a new report: personal fields sealed, the rest in clear (see model.ts). */
export function reportRows(sealer: Sealer, incoming: IncomingReport): ReportRows {
  const { id, content } = incoming;
  const seal = (column: string, value: unknown) =>
    value === undefined ? null : sealer.seal(typeof value === 'string' ? value : JSON.stringify(value), sealContext('reports', column, id));
  const places = content.places ?? [];
  const contact = content.reporter?.contact;
  const urgent = content.childInImmediateDanger ?? false;
  const ageGroup = youngestAgeGroup((content.children ?? []).map(ageGroupOfChild));
  const report: Insertable<ReportsTable> = {
    id,
    channel: incoming.channel,
    category: content.category,
    urgent,
    status: 'received',
    language: content.language ?? null,
    countries: [...new Set(places.map((place) => place.country))],
    subdivisions: [...new Set(places.flatMap((place) => (place.subdivision ? [place.subdivision] : [])))],
    occurred: content.occurredAt ?? null,
    submitted_at: content.submittedAt ?? null,
    received_at: incoming.receivedAt,
    updated_at: incoming.receivedAt,
    organisation_id: incoming.organisationId,
    api_key_id: incoming.apiKeyId,
    reporter_role: content.reporter?.role ?? null,
    consent_to_contact: contact !== undefined && content.reporter?.consentToContact === true,
    url_count: content.urls?.length ?? 0,
    media_count: content.media?.length ?? 0,
    identifier_count: content.onlineIdentifiers?.length ?? 0,
    children_count: content.children?.length ?? 0,
    reported_persons_count: content.reportedPersons?.length ?? 0,
    narrative_sealed: seal('narrative_sealed', content.narrative),
    reporter_contact_sealed: seal('reporter_contact_sealed', contact),
    children_sealed: seal('children_sealed', nonEmpty(content.children) ? content.children : undefined),
    reported_persons_sealed: seal('reported_persons_sealed', nonEmpty(content.reportedPersons) ? content.reportedPersons : undefined),
    places_sealed: seal('places_sealed', nonEmpty(places) ? places : undefined),
    receipt_hash: incoming.receiptHash,
    priority: priorityOf({ urgent, knownContent: false, category: content.category, ageGroup }),
    known_content: false,
    age_group: ageGroup,
  };
  return { report, items: itemRows(sealer, id, null, content), keys: matchKeyRows(sealer, id, content, incoming.receivedAt) };
}
