import type { FieldCode } from '../../platform/http/index.js';
import { isHashHex } from './hashes.js';
import {
  ageGroupOf,
  ageGroups,
  hashKinds,
  industryCategories,
  legalStatuses,
  textLimits,
  type AgeGroup,
  type Classification,
  type EntryInput,
  type IndustryCategory,
  type LegalStatus,
} from './model.js';

/** One invalid field of an entry: which field, and why (a code the API translates). */
export interface FieldError {
  field: string;
  code: FieldCode;
}

/** What an entry gets when its source does not say. */
export interface EntryDefaults {
  classification: Classification;
  source: string | null;
  /** `YYYY-MM-DD` */
  date: string;
}

/** An entry as a parser reads it: every value a string (or absent), as in the file. */
export interface RawEntry {
  pdq?: string | undefined;
  pdqQuality?: string | number | undefined;
  md5?: string | undefined;
  sha1?: string | undefined;
  sha256?: string | undefined;
  legalStatus?: string | undefined;
  industryCategory?: string | undefined;
  ageGroup?: string | undefined;
  source?: string | undefined;
  date?: string | undefined;
  reference?: string | undefined;
  enabled?: string | boolean | undefined;
}

export type Checked = { ok: true; entry: EntryInput } | { ok: false; errors: FieldError[] };

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const parts = isoDate.exec(value);
  if (!parts) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && Number(parts[1]) >= 1970;
}

function choice<T extends string>(values: readonly T[], raw: string | undefined, field: string, errors: FieldError[]): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  errors.push({ field, code: 'choice' });
  return undefined;
}

function text(raw: string | undefined, max: number, field: string, errors: FieldError[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length > max) errors.push({ field, code: 'too-long' });
  else if (controlCharacters.test(raw)) errors.push({ field, code: 'format' });
  else return raw;
  return undefined;
}

function quality(raw: string | number | undefined, errors: FieldError[]): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(value) && value >= 0 && value <= 100) return value;
  errors.push({ field: 'pdqQuality', code: Number.isNaN(value) ? 'format' : 'range' });
  return undefined;
}

function enabledOf(raw: string | boolean | undefined, errors: FieldError[]): boolean {
  if (raw === undefined || raw === '' || raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  errors.push({ field: 'enabled', code: 'choice' });
  return true;
}

/** An industry category of A is a prepubescent child (infants included), of B a pubescent one. */
function consistent({ industryCategory, ageGroup }: Classification): boolean {
  if (industryCategory === null || ageGroup === null) return true;
  return industryCategory.startsWith('A') ? ageGroup !== 'pubescent' : ageGroup === 'pubescent';
}

/**
 * Checks one entry from any source and completes it with the defaults: at least one hash,
 * each of its kind's length in hexadecimal (stored lower case), a PDQ hash with its quality,
 * known classification values, a real date. Every invalid field is named.
 */
export function checkEntry(raw: RawEntry, defaults: EntryDefaults): Checked {
  const errors: FieldError[] = [];
  const hashes: Partial<Record<(typeof hashKinds)[number], string>> = {};
  for (const kind of hashKinds) {
    const value = raw[kind];
    if (value === undefined || value === '') continue;
    if (isHashHex(kind, value)) hashes[kind] = value.toLowerCase();
    else errors.push({ field: kind, code: 'format' });
  }
  const pdqQuality = quality(raw.pdqQuality, errors);
  if (raw.pdq !== undefined && raw.pdq !== '' && pdqQuality === undefined && !errors.some((e) => e.field === 'pdqQuality')) {
    errors.push({ field: 'pdqQuality', code: 'required' });
  }
  if (pdqQuality !== undefined && (raw.pdq === undefined || raw.pdq === '')) errors.push({ field: 'pdq', code: 'required' });
  if (hashKinds.every((kind) => raw[kind] === undefined || raw[kind] === '')) errors.push({ field: 'hashes', code: 'required' });

  const legalStatus = choice<LegalStatus>(legalStatuses, raw.legalStatus, 'legalStatus', errors);
  const industryCategory = choice<IndustryCategory>(industryCategories, raw.industryCategory, 'industryCategory', errors);
  const ageGroup = choice<AgeGroup>(ageGroups, raw.ageGroup, 'ageGroup', errors);
  const source = text(raw.source, textLimits.source, 'source', errors);
  const reference = text(raw.reference, textLimits.reference, 'reference', errors);
  const date = raw.date === undefined || raw.date === '' ? defaults.date : raw.date;
  if (!isIsoDate(date)) errors.push({ field: 'date', code: 'format' });
  const enabled = enabledOf(raw.enabled, errors);
  if (errors.length > 0) return { ok: false, errors };

  const { classification: fallback } = defaults;
  const classification: Classification = {
    legalStatus: legalStatus ?? fallback.legalStatus,
    industryCategory: industryCategory ?? fallback.industryCategory,
    ageGroup: ageGroup ?? ageGroupOf(industryCategory ?? null) ?? fallback.ageGroup ?? ageGroupOf(fallback.industryCategory),
  };
  if (!consistent(classification)) return { ok: false, errors: [{ field: ageGroup ? 'ageGroup' : 'industryCategory', code: 'invalid' }] };
  return {
    ok: true,
    entry: {
      ...hashes,
      ...(pdqQuality !== undefined ? { pdqQuality } : {}),
      classification,
      source: source ?? defaults.source,
      date,
      reference: reference ?? null,
      enabled,
    },
  };
}
