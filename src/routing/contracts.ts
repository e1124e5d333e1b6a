import { Type, type Static, type TSchema } from 'typebox';
import { NoticeAddressee } from '../referrals/index.js';
import { triggers } from './model.js';
import { RuleSet } from './rule-format.js';

const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Note = Type.String({ minLength: 1, maxLength: 2000, pattern: '^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]*$' });

export const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, closed);

export const NewVersion = Type.Object(
  {
    ruleSet: RuleSet,
    note: Type.Optional(Note),
    basedOn: Type.Optional(Type.Integer({ minimum: 1, description: 'The version this one was edited from' })),
  },
  closed,
);
export type NewVersion = Static<typeof NewVersion>;

export const VersionSummary = Type.Object({
  version: Type.Integer(),
  note: Nullable(Type.String()),
  basedOn: Nullable(Type.Integer()),
  createdBy: Nullable(Uuid),
  createdAt: DateTime,
  active: Type.Boolean(),
  rules: Type.Integer({ description: 'How many rules it holds' }),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const VersionDetail = Type.Object({
  ...VersionSummary.properties,
  ruleSet: RuleSet,
  activations: Type.Array(Type.Object({ by: Nullable(Uuid), at: DateTime })),
});
export type VersionDetail = Static<typeof VersionDetail>;

export const VersionList = Type.Object({ versions: Type.Array(VersionSummary) });

export const DryRunQuery = Type.Object(
  {
    reportIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true })),
    receivedFrom: Type.Optional(DateTime),
    receivedTo: Type.Optional(DateTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { ...closed, description: 'The reports to route: these ids, or the newest received in the period, up to `limit`' },
);
export type DryRunQuery = Static<typeof DryRunQuery>;

export const DryRunReferral = Type.Object({
  trigger: Type.Enum([...triggers]),
  ruleId: Type.String(),
  kind: Type.String(),
  target: Type.String(),
  organisation: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  addressee: Nullable(NoticeAddressee),
  countries: Type.Array(Type.String()),
  itemIds: Type.Array(Uuid),
  unassigned: Type.Boolean({ description: 'The role has no organisation yet: the referral would wait for one' }),
  existingReferralId: Type.Union([Uuid, Type.Null()], { description: 'The report is already referred to this target' }),
});

export const DryRunReport = Type.Object({
  reportId: Uuid,
  receivedAt: DateTime,
  fired: Type.Array(Type.Object({ trigger: Type.Enum([...triggers]), rules: Type.Array(Type.String()) })),
  referrals: Type.Array(DryRunReferral),
  hostingComplete: Type.Boolean(),
});
export type DryRunReport = Static<typeof DryRunReport>;

export const DryRunAnswer = Type.Object({
  version: Type.Integer(),
  homeCountry: Type.String(),
  reports: Type.Array(DryRunReport),
  summary: Type.Object({
    reports: Type.Integer(),
    referrals: Type.Integer(),
    new: Type.Integer({ description: 'Referrals the report does not have yet' }),
    byKind: Type.Record(Type.String(), Type.Integer()),
  }),
});
export type DryRunAnswer = Static<typeof DryRunAnswer>;
