import type { Selectable } from 'kysely';
import { sealContext } from './model.js';
import type { Sealer } from './ports.js';
import { reportFormat, type Channel, type Media, type OnlineIdentifier, type ReportContent, type ReportV1 } from './report-v1.js';
import type { ReportItemsTable, ReportsTable } from './tables.js';

/** Rebuilds the documents of the report format from the rows, opening the sealed values. */

function openItem(sealer: Sealer, item: Selectable<ReportItemsTable>): string | null {
  return item.value_sealed === null ? null : sealer.open(item.value_sealed, sealContext('report_items', 'value_sealed', item.id));
}

/** The items of a report or an addition as stored: every media item with its hashes. */
export type StoredItems = Pick<ReportV1, 'urls' | 'media' | 'onlineIdentifiers'>;

export function itemsContentOf(sealer: Sealer, items: readonly Selectable<ReportItemsTable>[]): StoredItems {
  const urls: string[] = [];
  const media: Media[] = [];
  const onlineIdentifiers: OnlineIdentifier[] = [];
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    const value = openItem(sealer, item);
    if (item.kind === 'url' && value !== null) urls.push(value);
    else if (item.kind === 'online_identifier' && value !== null) onlineIdentifiers.push(JSON.parse(value) as OnlineIdentifier);
    else if (item.kind === 'media') {
      const hashes = Object.fromEntries(
        (['md5', 'sha1', 'sha256', 'pdq'] as const).flatMap((kind) => (item[kind] === null ? [] : [[kind, item[kind]]])),
      ) as Media['hashes'];
      const details = value === null ? {} : (JSON.parse(value) as Pick<Media, 'fileName' | 'url'>);
      media.push({
        hashes,
        ...(item.pdq_quality !== null ? { pdqQuality: item.pdq_quality } : {}),
        ...details,
        ...(item.media_type !== null ? { mediaType: item.media_type } : {}),
      });
    }
  }
  return {
    ...(urls.length > 0 ? { urls } : {}),
    ...(media.length > 0 ? { media } : {}),
    ...(onlineIdentifiers.length > 0 ? { onlineIdentifiers } : {}),
  };
}

export function reportDocumentOf(sealer: Sealer, row: Selectable<ReportsTable>, items: readonly Selectable<ReportItemsTable>[]): ReportV1 {
  const open = (column: keyof ReportsTable & `${string}_sealed`): string | undefined => {
    const sealed = row[column];
    return sealed === null ? undefined : sealer.open(sealed, sealContext('reports', column, row.id));
  };
  const json = <T>(column: keyof ReportsTable & `${string}_sealed`): T | undefined => {
    const text = open(column);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  };
  const narrative = open('narrative_sealed');
  const contact = json<NonNullable<ReportContent['reporter']>['contact']>('reporter_contact_sealed');
  const places = json<ReportContent['places']>('places_sealed');
  const children = json<ReportContent['children']>('children_sealed');
  const reportedPersons = json<ReportContent['reportedPersons']>('reported_persons_sealed');
  const reporter = {
    ...(row.reporter_role !== null ? { role: row.reporter_role as NonNullable<ReportContent['reporter']>['role'] } : {}),
    ...(contact !== undefined ? { contact, consentToContact: row.consent_to_contact } : {}),
  };
  return {
    format: reportFormat,
    id: row.id,
    channel: row.channel as Channel,
    receivedAt: new Date(row.received_at).toISOString(),
    category: row.category as ReportContent['category'],
    childInImmediateDanger: row.urgent,
    ...(row.occurred !== null ? { occurredAt: row.occurred } : {}),
    ...(row.submitted_at !== null ? { submittedAt: new Date(row.submitted_at).toISOString() } : {}),
    ...(row.language !== null ? { language: row.language } : {}),
    ...(narrative !== undefined ? { narrative } : {}),
    ...itemsContentOf(sealer, items),
    ...(places !== undefined ? { places } : {}),
    ...(children !== undefined ? { children } : {}),
    ...(reportedPersons !== undefined ? { reportedPersons } : {}),
    ...(Object.keys(reporter).length > 0 ? { reporter } : {}),
  };
}
