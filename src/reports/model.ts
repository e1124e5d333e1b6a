import { sealedColumn } from '../platform/crypto/index.js';
import type { Category } from './categories.js';

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
 *   an online identifier (platform, username, e-mail, phone, profile URL);
 * - a helpline call's advice and referral note (they describe the caller's situation).
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
  sealedColumn({ table: 'report_calls', column: 'advice_sealed', idColumn: 'report_id' }),
  sealedColumn({ table: 'report_calls', column: 'referral_note_sealed', idColumn: 'report_id' }),
  // Uploads (media-tables.ts): the file name a reporter gave, and the quarantined bytes.
  sealedColumn({ table: 'report_uploads', column: 'file_name_sealed' }),
  sealedColumn({ table: 'report_media_quarantine', column: 'content_sealed', type: 'bytes' }),
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

/**
 * Age groups, youngest first, as the hash banks classify content (infant or toddler 0–3,
 * prepubescent 4–11, pubescent 12–17): the youngest known of a report's children or of the
 * known content matched in it is kept in clear, coarse on purpose, to order the queue.
 */
export const ageGroups = ['infant_toddler', 'prepubescent', 'pubescent'] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** The age group of one child: from its age, else the lower bound of its age range; a presumed minor of unknown age is pubescent. */
export function ageGroupOfChild(child: { age?: number; ageRange?: { min: number }; presumedMinor?: boolean }): AgeGroup | null {
  const age = child.age ?? child.ageRange?.min;
  if (age === undefined) return child.presumedMinor ? 'pubescent' : null;
  if (age <= 3) return 'infant_toddler';
  if (age <= 11) return 'prepubescent';
  return age <= 17 ? 'pubescent' : null;
}

/** The youngest of several age groups, or null. */
export function youngestAgeGroup(groups: readonly (AgeGroup | null | undefined)[]): AgeGroup | null {
  return ageGroups.find((group) => groups.includes(group)) ?? null;
}

/** Categories that indicate trafficking: the child is sold, moved or harboured. */
export const traffickingCategories: readonly Category[] = ['trafficking_for_sexual_exploitation', 'child_prostitution'];

export interface PriorityFacts {
  urgent: boolean;
  /** A match that stands (not suppressed) in a bank of known illegal content. */
  knownContent: boolean;
  category: Category;
  ageGroup: AgeGroup | null;
}

/**
 * The assessment queue's order, highest first: a child in immediate danger, then a match of
 * known content, then trafficking indicators, then the youngest child's age group — each
 * criterion outranks all those after it together. Stored (`reports.priority`, indexed) so the
 * queue sorts on it; from 0 (none of these) to 31 (all of them, an infant or toddler).
 */
export function priorityOf(facts: PriorityFacts): number {
  const tier = (facts.urgent ? 4 : 0) + (facts.knownContent ? 2 : 0) + (traffickingCategories.includes(facts.category) ? 1 : 0);
  const age = facts.ageGroup === null ? 0 : ageGroups.length - ageGroups.indexOf(facts.ageGroup);
  return tier * (ageGroups.length + 1) + age;
}

/** The job that matches a report's media against the hash banks (media-detection.ts). */
export const detectMediaJob = 'report.detect-media';
export interface DetectMediaData {
  reportIds: string[];
}

/** The job that deletes expired uploads and quarantined files past their retention (media-retention.ts). */
export const purgeMediaJob = 'report.purge-media';
