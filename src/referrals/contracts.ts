import { Type, type Static, type TSchema } from 'typebox';
import { PersonalView } from '../reports/index.js';
import { addresseeRoles, deadlineMilestones, referralKinds, referralOutcomes, referralStatuses, rejectionReasons } from './model.js';

const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Country = Type.String({ pattern: '^[A-Z]{2}$' });

export const ReferralKind = Type.Enum([...referralKinds]);
export const ReferralStatus = Type.Enum([...referralStatuses]);
export const AddresseeRole = Type.Enum([...addresseeRoles]);
const Milestone = Type.Enum([...deadlineMilestones], { description: 'The status that meets the deadline' });

export const IdParams = Type.Object({ id: Uuid }, closed);
export const RoleParams = Type.Object({ role: AddresseeRole }, closed);
export const KindParams = Type.Object({ kind: ReferralKind }, closed);

export const NoticeAddressee = Type.Object({
  key: Type.String(),
  handle: Nullable(Type.String()),
  name: Nullable(Type.String()),
  emails: Type.Array(Type.String()),
  network: Nullable(Type.String()),
  asn: Nullable(Type.Integer()),
  hosts: Type.Array(Type.String()),
});
/** A notice's addressee: the abuse contact RDAP gave for the network (public registry data). */
export type NoticeAddressee = Static<typeof NoticeAddressee>;

export const ReferralView = Type.Object({
  id: Uuid,
  reportId: Uuid,
  kind: ReferralKind,
  status: ReferralStatus,
  urgent: Type.Boolean(),
  target: Type.String({ description: 'role:<role>, partner:<country> or notice:<abuse contact>' }),
  organisation: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  addressee: Nullable(NoticeAddressee),
  countries: Type.Array(Country),
  itemIds: Type.Array(Uuid),
  rule: Type.Object({ version: Type.Integer(), id: Type.String(), trigger: Type.String() }),
  deadline: DateTime,
  deadlineStatus: Milestone,
  overdue: Type.Boolean({ description: 'The deadline has passed and the referral has not reached its status' }),
  deadlineMet: Type.Boolean({ description: 'The referral has reached the status that meets its deadline (or was rejected)' }),
  next: Type.Array(ReferralStatus, { description: 'The statuses a person may move it to from here (the console shows those buttons)' }),
  escalatedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type ReferralView = Static<typeof ReferralView>;

export const ReferralEvent = Type.Object({
  at: DateTime,
  event: Type.Enum(['created', 'assigned', 'status', 'escalated']),
  status: ReferralStatus,
  actor: Type.Object({ type: Type.String(), id: Nullable(Uuid) }),
  reason: Nullable(Type.Enum([...rejectionReasons])),
  outcome: Nullable(Type.Enum([...referralOutcomes])),
  note: Type.Optional(Type.String()),
});
export type ReferralEvent = Static<typeof ReferralEvent>;

export const ReferralDetail = Type.Object({
  ...ReferralView.properties,
  history: Type.Array(ReferralEvent),
  grant: Type.Array(Type.String(), { description: "The parts of the report the receiving organisation's staff may read" }),
});
export type ReferralDetail = Static<typeof ReferralDetail>;

export const ReferralFilter = Type.Object(
  {
    status: Type.Optional(ReferralStatus),
    kind: Type.Optional(ReferralKind),
    reportId: Type.Optional(Uuid),
    direction: Type.Optional(
      Type.Enum(['incoming', 'outgoing'], {
        description: "`incoming`: addressed to the reader's organisation; `outgoing`: to any other addressee (hotline staff only)",
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  closed,
);
export type ReferralFilter = Static<typeof ReferralFilter>;

export const ReferralPage = Type.Object({ referrals: Type.Array(ReferralView), next: Nullable(Type.String()) });
export const ReferralList = Type.Object({ referrals: Type.Array(ReferralView) });

const noteText = '^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]*$';

export const StatusChange = Type.Object(
  {
    status: Type.Enum(['sent', 'received', 'accepted', 'rejected', 'done']),
    reason: Type.Optional(Type.Enum([...rejectionReasons], { description: 'Required with `rejected`' })),
    outcome: Type.Optional(Type.Enum([...referralOutcomes], { description: 'Required with `done`' })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, pattern: noteText, description: 'Sealed; may name people' })),
  },
  closed,
);
export type StatusChange = Static<typeof StatusChange>;

export const Addressee = Type.Object({
  role: AddresseeRole,
  kind: ReferralKind,
  organisation: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  updatedAt: Nullable(DateTime),
});
export const AddresseeList = Type.Object({ addressees: Type.Array(Addressee) });
export const AddresseeChange = Type.Object({ organisationId: Uuid }, closed);
export const AddresseeChanged = Type.Object({
  addressees: Type.Array(Addressee),
  assigned: Type.Integer({ description: 'Referrals waiting for this role, now assigned to the organisation and sent' }),
});

const Level = Type.Object({ hours: Type.Integer({ minimum: 1, maximum: 24 * 366 }), metAt: Milestone }, closed);
export const ServiceLevelChange = Type.Object({ urgent: Level, normal: Level }, closed);
export const ServiceLevelList = Type.Object({
  levels: Type.Array(Type.Object({ kind: ReferralKind, urgent: Level, normal: Level })),
});

/** Who already handles a report: the contract `referralsOf` answers. */
export const ReferralOfReport = Type.Object({
  reportId: Uuid,
  referralId: Uuid,
  organisationId: Nullable(Uuid),
  organisationName: Nullable(Type.String({ description: "The organisation's name; a notice's: its abuse contact's or network's" })),
  kind: ReferralKind,
  status: ReferralStatus,
  deadline: DateTime,
});
export type ReferralOfReport = Static<typeof ReferralOfReport>;

export const ClusterView = Type.Object({
  reportId: Uuid,
  source: Type.Enum(['cluster', 'direct-links'], {
    description: "`cluster`: the reports module's whole cluster; `direct-links`: the report and those linked to it directly",
  }),
  reports: Type.Array(Type.Object({ reportId: Uuid, referrals: Type.Array(ReferralOfReport) })),
  links: Type.Array(Type.Object({ a: Uuid, b: Uuid, reasons: Type.Array(Type.String()) })),
  handledBy: Type.Array(
    Type.Object({
      organisationId: Nullable(Uuid),
      organisationName: Nullable(Type.String()),
      kinds: Type.Array(ReferralKind),
      reportIds: Type.Array(Uuid),
    }),
    { description: 'Every organisation already referred a report of the cluster, with what and which reports' },
  ),
});
export type ClusterView = Static<typeof ClusterView>;

export const GrantedReportView = Type.Object({
  referralId: Uuid,
  kind: ReferralKind,
  parts: Type.Array(Type.String(), { description: 'The parts of the report this kind of referral grants' }),
  report: PersonalView.properties.report,
  additions: PersonalView.properties.additions,
  hotel: PersonalView.properties.hotel,
});
