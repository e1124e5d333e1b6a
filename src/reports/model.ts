import { sealedColumn } from '../platform/crypto/index.js';

/** Where a report stands, as its reporter may see it. Triage and routing move it on. */
export const reportStatuses = ['received', 'in_analysis', 'forwarded', 'closed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/**
 * The personal fields of a report, sealed with the field cipher, each bound to its table,
 * column and row (`<table>.<column>:<id>`):
 * - the narrative (of the report and of each addition): free text that names people;
 * - the reporter's contact details;
 * - the children (name, age, gender, languages, nationality, description), sealed whole;
 * - the reported persons, their online identifiers included, sealed whole;
 * - the places (a city with the rest can point at a family), sealed whole; their country
 *   and subdivision codes are copied in clear for filtering and routing;
 * - each item's value: a URL (its path can name a person), a media's file name and URL,
 *   an online identifier (platform, username, e-mail, phone, profile URL).
 * In clear: category, urgency, status, channel, language, countries and subdivisions,
 * times, the reporter's role and consent flag, counts, a URL's host (to find the hosting
 * provider), media hashes and type (hashes identify content, not people, and are matched
 * against known-content lists), keyed blind indexes for cross-matching.
 */
export const reportSealedColumns = [
  sealedColumn({ table: 'reports', column: 'narrative_sealed' }),
  sealedColumn({ table: 'reports', column: 'reporter_contact_sealed' }),
  sealedColumn({ table: 'reports', column: 'children_sealed' }),
  sealedColumn({ table: 'reports', column: 'reported_persons_sealed' }),
  sealedColumn({ table: 'reports', column: 'places_sealed' }),
  sealedColumn({ table: 'report_additions', column: 'narrative_sealed' }),
  sealedColumn({ table: 'report_items', column: 'value_sealed' }),
] as const;

/** The context a value of `table.column` in row `id` is sealed with (as sealedColumn's default). */
export function sealContext(table: string, column: string, id: string): string {
  return `${table}.${column}:${id}`;
}

/** The job that cross-matches new reports and information with the reports already held. */
export const crossMatchJob = 'report.cross-match';
export interface CrossMatchData {
  reportIds: string[];
}
