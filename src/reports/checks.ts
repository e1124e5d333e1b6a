import { fieldProblem, type FieldProblem } from '../platform/http/index.js';
import { limits, type OnlineIdentifier, type ReportContent, type ReportedPerson } from './report-v1.js';

/**
 * The rules a JSON Schema cannot say, checked after it: real URLs, dates that are not in
 * the future, a subdivision inside its country, consistent ages, consent with contact
 * details. Each problem points at its field, under `base` (`/reports/3` in a batch).
 */
const futureToleranceMs = 24 * 60 * 60 * 1000;
const earliest = Date.UTC(1900, 0, 1);

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function checkDate(value: string | undefined, pointer: string, now: Date, out: FieldProblem[]): void {
  if (value === undefined) return;
  const at = value.length === 10 ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
  const real = calendar.getUTCMonth() === (month ?? 0) - 1 && calendar.getUTCDate() === day;
  if (!real || Number.isNaN(at)) out.push(fieldProblem(pointer, 'format'));
  else if (at > now.getTime() + futureToleranceMs || at < earliest) out.push(fieldProblem(pointer, 'range'));
}

function checkAges(person: { age?: number; ageRange?: { min: number; max: number } }, base: string, out: FieldProblem[]): void {
  const range = person.ageRange;
  if (!range) return;
  if (range.min > range.max) out.push(fieldProblem(`${base}/ageRange/min`, 'range'));
  else if (person.age !== undefined && (person.age < range.min || person.age > range.max)) {
    out.push(fieldProblem(`${base}/age`, 'range'));
  }
}

function checkIdentifiers(identifiers: readonly OnlineIdentifier[] | undefined, base: string, out: FieldProblem[]): void {
  identifiers?.forEach((identifier, i) => {
    const pointer = `${base}/${i}`;
    const { username, email, phone, profileUrl } = identifier;
    if (username === undefined && email === undefined && phone === undefined && profileUrl === undefined) {
      out.push(fieldProblem(`${pointer}/username`, 'required'));
    }
    if (profileUrl !== undefined && !isWebUrl(profileUrl)) out.push(fieldProblem(`${pointer}/profileUrl`, 'format'));
  });
}

function checkPersons(persons: readonly ReportedPerson[] | undefined, base: string, out: FieldProblem[]): void {
  persons?.forEach((person, i) => {
    checkAges(person, `${base}/${i}`, out);
    checkIdentifiers(person.onlineIdentifiers, `${base}/${i}/onlineIdentifiers`, out);
  });
}

/** The content of an addition is checked like a report's. */
export type ItemsContent = Pick<ReportContent, 'urls' | 'media' | 'onlineIdentifiers'>;

export function checkItems(content: ItemsContent, base: string, out: FieldProblem[]): void {
  content.urls?.forEach((url, i) => {
    if (!isWebUrl(url)) out.push(fieldProblem(`${base}/urls/${i}`, 'format'));
  });
  content.media?.forEach((media, i) => {
    if (media.hashes === undefined && media.uploadId === undefined) out.push(fieldProblem(`${base}/media/${i}/hashes`, 'required'));
    if (media.fileName === '.' || media.fileName === '..') out.push(fieldProblem(`${base}/media/${i}/fileName`, 'format'));
    if (media.url !== undefined && !isWebUrl(media.url)) out.push(fieldProblem(`${base}/media/${i}/url`, 'format'));
  });
  checkIdentifiers(content.onlineIdentifiers, `${base}/onlineIdentifiers`, out);
}

export function checkReport(content: ReportContent, base: string, now: Date): FieldProblem[] {
  const out: FieldProblem[] = [];
  checkDate(content.occurredAt, `${base}/occurredAt`, now, out);
  checkDate(content.submittedAt, `${base}/submittedAt`, now, out);
  checkItems(content, base, out);
  content.places?.forEach((place, i) => {
    if (place.subdivision !== undefined && !place.subdivision.startsWith(`${place.country}-`)) {
      out.push(fieldProblem(`${base}/places/${i}/subdivision`, 'invalid'));
    }
  });
  content.children?.forEach((child, i) => checkAges(child, `${base}/children/${i}`, out));
  checkPersons(content.reportedPersons, `${base}/reportedPersons`, out);
  const reporter = content.reporter;
  if (reporter?.contact && reporter.consentToContact !== true) out.push(fieldProblem(`${base}/reporter/consentToContact`, 'required'));
  return out;
}

/** URLs, media and online identifiers a report brings, its reported persons' included. */
export function itemCount(content: ReportContent): number {
  const persons = content.reportedPersons?.reduce((sum, person) => sum + (person.onlineIdentifiers?.length ?? 0), 0) ?? 0;
  return (content.urls?.length ?? 0) + (content.media?.length ?? 0) + (content.onlineIdentifiers?.length ?? 0) + persons;
}

export function checkBatch(reports: readonly ReportContent[], now: Date): FieldProblem[] {
  const out = reports.flatMap((content, i) => checkReport(content, `/reports/${i}`, now));
  const items = reports.reduce((sum, content) => sum + itemCount(content), 0);
  if (items > limits.batchItems) out.push(fieldProblem('/reports', 'too-long'));
  return out;
}
