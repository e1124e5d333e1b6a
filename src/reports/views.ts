import { Type, type Static, type TSchema } from 'typebox';
import { categories } from './categories.js';
import { callerTypes, referralKinds } from './helpline-call.js';
import { linkReasons } from './match-keys.js';
import { HotelOfReport } from './hotel-contracts.js';
import { MediaDetail, PriorityView } from './media-views.js';
import { reportStatuses } from './model.js';
import { channels, limits, Media, MediaSubmission, OnlineIdentifier, ReportContent, ReportV1, reporterRoles } from './report-v1.js';
import { Country, DateTime, Text, Url, Uuid } from './vocabulary.js';

/** The API's other contracts: receipts, staff views and queries, public status and additions. */

const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Category = Type.Enum([...categories]);
const Channel = Type.Enum([...channels]);
const Status = Type.Enum([...reportStatuses]);

export const ReportReceipt = Type.Object({ reportId: Uuid, receivedAt: DateTime, status: Type.Literal('received') });
export const BatchReceipt = Type.Object({ count: Type.Integer(), reports: Type.Array(ReportReceipt) });
export const PublicReceipt = Type.Object({
  receiptCode: Type.String({ description: 'Shown once: the only way back to the report, without identifying the reporter' }),
  receivedAt: DateTime,
});

export const PartnerBatch = Type.Object(
  { reports: Type.Array(ReportContent, { minItems: 1, maxItems: limits.batch }) },
  { ...closed, description: `At most ${limits.batch} reports and ${limits.batchItems} items in all; accepted or refused as a whole` },
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7E]+$',
    description: 'Chosen by the partner for this request (a UUID is best); a retry sends the same key',
  }),
});

export const OptionalIdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(IdempotencyHeaders.properties['idempotency-key']),
});

export const ReceiptHeaders = Type.Object({ 'receipt-code': Type.String({ minLength: 1, maxLength: 64 }) });

export const PublicAddition = Type.Object(
  {
    receiptCode: Type.String({ minLength: 1, maxLength: 64 }),
    narrative: Type.Optional(Text(limits.narrative, 'What the reporter adds')),
    urls: Type.Optional(Type.Array(Url, { maxItems: limits.urls })),
    media: Type.Optional(Type.Array(MediaSubmission, { maxItems: limits.media })),
    onlineIdentifiers: Type.Optional(Type.Array(OnlineIdentifier, { maxItems: limits.onlineIdentifiers })),
  },
  closed,
);
export const AdditionReceipt = Type.Object({ receivedAt: DateTime });

export const PublicStatus = Type.Object({ status: Status, receivedAt: DateTime, additions: Type.Integer() });

export const ReportFilter = Type.Object(
  {
    category: Type.Optional(Category),
    channel: Type.Optional(Channel),
    status: Type.Optional(Status),
    urgent: Type.Optional(Type.Boolean()),
    country: Type.Optional(Country),
    receivedFrom: Type.Optional(DateTime),
    receivedTo: Type.Optional(DateTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  closed,
);
export type ReportFilter = Static<typeof ReportFilter>;

export const ReportSummary = Type.Object({
  id: Uuid,
  channel: Channel,
  category: Category,
  urgent: Type.Boolean(),
  status: Status,
  language: Nullable(Type.String()),
  countries: Type.Array(Type.String()),
  receivedAt: DateTime,
  counts: Type.Object({
    urls: Type.Integer(),
    media: Type.Integer(),
    onlineIdentifiers: Type.Integer(),
    children: Type.Integer(),
    reportedPersons: Type.Integer(),
  }),
  ...PriorityView,
});
export type ReportSummary = Static<typeof ReportSummary>;

export const ReportPage = Type.Object({ reports: Type.Array(ReportSummary), next: Nullable(Type.String()) });
export type ReportPage = Static<typeof ReportPage>;

const CallerType = Type.Enum([...callerTypes]);
const Referrals = Type.Array(Type.Enum([...referralKinds]));

/** What staff see of a helpline call without opening personal data. */
export const CallSummary = Type.Object({
  callerType: CallerType,
  durationSeconds: Type.Integer(),
  immediateReferrals: Referrals,
  recordedBy: Uuid,
});
export type CallSummary = Static<typeof CallSummary>;

/** The whole call, advice and referral note decrypted: part of the audited personal view. */
export const CallRecord = Type.Object({
  callerType: CallerType,
  startedAt: DateTime,
  endedAt: DateTime,
  adviceGiven: Type.Optional(Type.String()),
  immediateReferrals: Referrals,
  referralNote: Type.Optional(Type.String()),
  recordedBy: Uuid,
});
export type CallRecord = Static<typeof CallRecord>;

/** Reports joined by links, directly or through others (clusters.ts). */
export const Cluster = Type.Object({
  id: Nullable(Uuid),
  size: Type.Integer({ minimum: 1, description: 'How many reports the cluster holds' }),
  reportIds: Type.Array(Uuid, { description: 'The report (or reports) asked about first, then the others by id, up to a limit' }),
  links: Type.Array(Type.Object({ a: Uuid, b: Uuid, reasons: Type.Array(Type.Enum([...linkReasons])) }), {
    description: 'Links among the reports listed, each pair once, with every reason it was linked for',
  }),
  truncated: Type.Boolean({ description: 'The cluster holds more reports or links than listed' }),
});
export type Cluster = Static<typeof Cluster>;

export const ReportDetail = Type.Object({
  ...ReportSummary.properties,
  subdivisions: Type.Array(Type.String()),
  occurredAt: Nullable(Type.String()),
  submittedAt: Nullable(DateTime),
  updatedAt: DateTime,
  submittedBy: Nullable(Type.Object({ organisationId: Uuid, apiKeyId: Nullable(Uuid) })),
  reporter: Type.Object({
    role: Nullable(Type.Enum([...reporterRoles])),
    anonymous: Type.Boolean(),
    consentToContact: Type.Boolean(),
  }),
  ncmec: Type.Object({ incidentTypes: Type.Array(Type.String()), annotations: Type.Array(Type.String()) }),
  urlHosts: Type.Array(Type.String()),
  media: Type.Array(MediaDetail),
  additions: Type.Array(Type.Object({ id: Uuid, receivedAt: DateTime })),
  links: Type.Array(Type.Object({ reportId: Uuid, kinds: Type.Array(Type.String()) })),
  cluster: Cluster,
  call: Nullable(CallSummary),
  hotel: Nullable(HotelOfReport),
});
export type ReportDetail = Static<typeof ReportDetail>;

export const PersonalView = Type.Object({
  report: ReportV1,
  call: Type.Optional(CallRecord),
  hotel: Type.Optional(HotelOfReport),
  additions: Type.Array(
    Type.Object({
      id: Uuid,
      receivedAt: DateTime,
      narrative: Type.Optional(Type.String()),
      urls: Type.Optional(Type.Array(Type.String())),
      media: Type.Optional(Type.Array(Media)),
      onlineIdentifiers: Type.Optional(Type.Array(OnlineIdentifier)),
    }),
  ),
});
export type PersonalView = Static<typeof PersonalView>;
