import { Type, type Static, type TSchema } from 'typebox';
import { ageGroups, bankPurposes, importFormats, importStatuses, industryCategories, legalStatuses, textLimits } from './model.js';

/** The API's contracts for banks, entries, imports and exports (TypeBox: validation, types, OpenAPI). */

const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const line = '^[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]*$';
const Line = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: line, description });
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const EntryId = Type.String({ pattern: '^[1-9][0-9]{0,17}$', description: 'An entry id (a decimal integer, as a string)' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A date, YYYY-MM-DD' });
const hex = (digits: number, description: string) => Type.String({ pattern: `^[0-9a-fA-F]{${digits}}$`, description });

export const Purpose = Type.Enum([...bankPurposes], {
  description: 'baseline / national: known illegal content; false_positive: a negative bank; partner: a partner list',
});
export const LegalStatus = Type.Enum([...legalStatuses]);
export const IndustryCategory = Type.Enum([...industryCategories], {
  description: 'NCMEC industry category: A prepubescent, B pubescent; 1 sex act, 2 lascivious exhibition',
});
export const AgeGroup = Type.Enum([...ageGroups]);
export const Format = Type.Enum([...importFormats]);

export const Classification = Type.Object(
  { legalStatus: LegalStatus, industryCategory: Nullable(IndustryCategory), ageGroup: Nullable(AgeGroup) },
  closed,
);

export const BankParams = Type.Object({ id: Uuid }, closed);
export const EntryParams = Type.Object({ id: Uuid, entryId: EntryId }, closed);
export const ImportParams = Type.Object({ id: Uuid, importId: Uuid }, closed);

export const NewBank = Type.Object(
  {
    name: Line(textLimits.name, 'Unique, whatever the case'),
    purpose: Purpose,
    source: Line(textLimits.source, 'Who provides and owns the list'),
    description: Type.Optional(Type.String({ maxLength: textLimits.description })),
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  closed,
);
export type NewBank = Static<typeof NewBank>;

export const BankChange = Type.Object(
  {
    name: Type.Optional(Line(textLimits.name, 'Unique, whatever the case')),
    source: Type.Optional(Line(textLimits.source, 'Who provides and owns the list')),
    description: Type.Optional(Type.String({ maxLength: textLimits.description })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { ...closed, minProperties: 1, description: 'The purpose of a bank cannot change: create another bank' },
);
export type BankChange = Static<typeof BankChange>;

export const BankView = Type.Object({
  id: Uuid,
  name: Type.String(),
  purpose: Purpose,
  source: Type.String(),
  description: Type.String(),
  enabled: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type BankView = Static<typeof BankView>;

export const BankDetail = Type.Object({
  ...BankView.properties,
  counts: Type.Object({ entries: Type.Integer(), enabled: Type.Integer(), pdq: Type.Integer() }),
});
export type BankDetail = Static<typeof BankDetail>;

export const BankList = Type.Object({ banks: Type.Array(BankView) });

export const NewEntry = Type.Object(
  {
    pdq: Type.Optional(hex(64, 'PDQ hash, 64 hexadecimal digits as the reference prints it')),
    pdqQuality: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Required with pdq' })),
    md5: Type.Optional(hex(32, 'MD5')),
    sha1: Type.Optional(hex(40, 'SHA-1')),
    sha256: Type.Optional(hex(64, 'SHA-256')),
    legalStatus: Type.Optional(LegalStatus),
    industryCategory: Type.Optional(IndustryCategory),
    ageGroup: Type.Optional(AgeGroup),
    source: Type.Optional(Line(textLimits.source, 'Who listed or classified it')),
    date: Type.Optional(Day),
    reference: Type.Optional(Line(textLimits.reference, "The source's identifier of the entry, unique in the bank")),
    enabled: Type.Optional(Type.Boolean()),
  },
  { ...closed, description: 'At least one hash; the classification defaults to the bank purpose’s' },
);
export type NewEntry = Static<typeof NewEntry>;

export const EntryChange = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    legalStatus: Type.Optional(LegalStatus),
    industryCategory: Type.Optional(Nullable(IndustryCategory)),
    ageGroup: Type.Optional(Nullable(AgeGroup)),
  },
  { ...closed, minProperties: 1 },
);
export type EntryChange = Static<typeof EntryChange>;

export const EntryView = Type.Object({
  id: EntryId,
  bankId: Uuid,
  pdq: Nullable(Type.String()),
  pdqQuality: Nullable(Type.Integer()),
  md5: Nullable(Type.String()),
  sha1: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
  classification: Classification,
  source: Nullable(Type.String()),
  date: Day,
  reference: Nullable(Type.String()),
  enabled: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type EntryView = Static<typeof EntryView>;

export const EntryFilter = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    after: Type.Optional(EntryId),
    enabled: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type EntryFilter = Static<typeof EntryFilter>;
export const EntryPage = Type.Object({ entries: Type.Array(EntryView), next: Nullable(EntryId) });
export type EntryPage = Static<typeof EntryPage>;

export const ImportOptions = Type.Object(
  {
    format: Format,
    legalStatus: Type.Optional(LegalStatus),
    industryCategory: Type.Optional(IndustryCategory),
    ageGroup: Type.Optional(AgeGroup),
    source: Type.Optional(Line(textLimits.source, "The entries' source when a line does not say")),
    date: Type.Optional(Day),
  },
  { ...closed, description: 'Defaults for what the lines do not say; the classification defaults to the bank purpose’s' },
);
export type ImportOptions = Static<typeof ImportOptions>;

export const ImportError = Type.Object({
  line: Nullable(Type.Integer({ description: 'Line of the file (CSV, PDQ, XML)' })),
  record: Type.Integer({ description: 'Record number, from 1' }),
  field: Type.String(),
  code: Type.String(),
  title: Type.String({ description: "In the requester's language" }),
});

export const ImportView = Type.Object({
  id: Uuid,
  bankId: Uuid,
  format: Format,
  status: Type.Enum([...importStatuses]),
  progress: Type.Object({
    phase: Type.Enum(['waiting', 'validating', 'applying', 'done']),
    bytesRead: Type.Integer(),
    totalBytes: Type.Integer(),
    records: Type.Integer({ description: 'Records read and checked' }),
    applied: Type.Integer({ description: 'Records written' }),
  }),
  counts: Type.Object({ inserted: Type.Integer(), updated: Type.Integer(), disabled: Type.Integer(), skipped: Type.Integer() }),
  errorCount: Type.Integer(),
  errors: Type.Array(ImportError, { description: 'The first 100 invalid fields; the import stored nothing' }),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
});
export type ImportView = Static<typeof ImportView>;
export const ImportList = Type.Object({ imports: Type.Array(ImportView) });

export const ExportOptions = Type.Object({ format: Format }, closed);
export type ExportOptions = Static<typeof ExportOptions>;
