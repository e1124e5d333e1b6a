import { Type, type Static, type TSchema } from 'typebox';
import { ageGroups, categories, channels, countryCodes, queueStages, ReportSummary, reportStatuses } from '../reports/index.js';
import { assessmentStates, claimPurposes, disputableFields, imageryClasses, legalStatuses, priorityReasons } from './model.js';

/** The API's contracts: validation, TypeScript types and OpenAPI from one definition. */

const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Category = Type.Enum([...categories]);
const AgeGroup = Type.Enum([...ageGroups]);
const LegalStatus = Type.Enum([...legalStatuses], {
  description: 'baseline: illegal everywhere (INTERPOL criteria); national: illegal in this country; not_illegal',
});
const ImageryClass = Type.Enum([...imageryClasses], {
  description: 'NCMEC industry classes: A prepubescent, B pubescent; 1 a sex act, 2 a lascivious exhibition',
});
const QueueStage = Type.Enum([...queueStages]);
/** Free text over several lines, without control characters (but tab and newline) or unpaired surrogates. */
const Note = Type.String({
  minLength: 1,
  maxLength: 5000,
  pattern: '^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]*$',
  description: 'Sealed; read only through the audited notes view',
});

export const ReportParams = Type.Object({ id: Uuid }, closed);

export const QueueFilter = Type.Object(
  {
    stage: Type.Optional(Type.Array(QueueStage, { maxItems: 3, description: 'One or more stages; all three by default' })),
    category: Type.Optional(Category),
    channel: Type.Optional(Type.Enum([...channels])),
    status: Type.Optional(Type.Enum([...reportStatuses])),
    urgent: Type.Optional(Type.Boolean()),
    knownContent: Type.Optional(Type.Boolean({ description: 'A media item matched known content' })),
    country: Type.Optional(Type.Enum([...countryCodes])),
    ageGroup: Type.Optional(AgeGroup),
    waitingHours: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 8760, description: 'Only reports received at least this many hours ago' }),
    ),
    claimed: Type.Optional(Type.Boolean({ description: 'Held by someone now, or free to claim' })),
    mine: Type.Optional(Type.Boolean({ description: 'Only the reports I hold' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  closed,
);
export type QueueFilter = Static<typeof QueueFilter>;

export const ClaimView = Type.Object({
  reportId: Uuid,
  claimedBy: Uuid,
  purpose: Type.Enum([...claimPurposes]),
  claimedAt: DateTime,
  expiresAt: DateTime,
});

export const ReviewView = Type.Object({
  id: Uuid,
  reviewedBy: Uuid,
  reviewedAt: DateTime,
  decision: Type.Enum(['confirmed', 'disagreed']),
  fields: Type.Array(Type.Enum([...disputableFields]), { description: 'What the second analyst disagreed on' }),
  hasNote: Type.Boolean(),
});
export type ReviewView = Static<typeof ReviewView>;

export const AssessmentView = Type.Object({
  id: Uuid,
  kind: Type.Enum(['assessment', 'resolution']),
  assessedBy: Uuid,
  assessedAt: DateTime,
  legalStatus: LegalStatus,
  category: Category,
  ageGroup: Nullable(AgeGroup),
  imageryClass: Nullable(ImageryClass),
  hasNote: Type.Boolean(),
  state: Type.Enum([...assessmentStates]),
  finalAt: Nullable(DateTime),
  review: Nullable(ReviewView),
});
export type AssessmentView = Static<typeof AssessmentView>;

/** The assessment a report's routing follows (the contract with routing). */
export const FinalAssessment = Type.Object({
  reportId: Uuid,
  assessmentId: Uuid,
  legalStatus: LegalStatus,
  category: Category,
  ageGroup: Nullable(AgeGroup),
  imageryClass: Nullable(ImageryClass),
  assessedBy: Uuid,
  confirmedBy: Nullable(Uuid),
  basis: Type.Enum(['confirmed', 'unconfirmed', 'resolved'], {
    description:
      'confirmed by a second analyst; unconfirmed (the deployment requires no confirmation); resolved by a senior analyst after a dispute',
  }),
  at: DateTime,
});
export type FinalAssessment = Static<typeof FinalAssessment>;

export const QueueItem = Type.Object({
  report: ReportSummary,
  stage: QueueStage,
  priorityReasons: Type.Array(Type.Enum([...priorityReasons]), {
    description: 'Why the report sits where it does, in the order of the criteria: danger, known content, trafficking, age group',
  }),
  claim: Nullable(ClaimView),
  assessment: Nullable(AssessmentView),
});
export type QueueItem = Static<typeof QueueItem>;

export const QueuePage = Type.Object({ items: Type.Array(QueueItem), next: Nullable(Type.String()) });
export type QueuePage = Static<typeof QueuePage>;

const StageCounts = Type.Object({
  total: Type.Integer(),
  urgent: Type.Integer(),
  knownContent: Type.Integer(),
  claimed: Type.Integer(),
});
export const QueueCounts = Type.Object({
  stages: Type.Object({ awaiting: StageCounts, confirming: StageCounts, disputed: StageCounts }),
  mine: Type.Integer({ description: 'Claims I hold now' }),
});
export type QueueCounts = Static<typeof QueueCounts>;

export const ReportAssessment = Type.Object({
  reportId: Uuid,
  stage: Type.Enum(['awaiting', 'confirming', 'disputed', 'final']),
  claim: Nullable(ClaimView),
  assessments: Type.Array(AssessmentView, { description: 'Oldest first' }),
  final: Nullable(FinalAssessment),
});
export type ReportAssessment = Static<typeof ReportAssessment>;

export const NewAssessment = Type.Object(
  {
    legalStatus: LegalStatus,
    category: Category,
    ageGroup: Nullable(AgeGroup),
    imageryClass: Nullable(ImageryClass),
    note: Type.Optional(Note),
  },
  closed,
);
export type NewAssessment = Static<typeof NewAssessment>;

export const Confirmation = Type.Object({ assessmentId: Uuid }, closed);

export const Disagreement = Type.Object(
  {
    assessmentId: Uuid,
    fields: Type.Array(Type.Enum([...disputableFields]), { minItems: 1, maxItems: disputableFields.length, uniqueItems: true }),
    note: Type.Optional(Note),
  },
  closed,
);
export type Disagreement = Static<typeof Disagreement>;

export const Reassignment = Type.Object({ userId: Nullable(Uuid) }, closed);

export const StepResult = Type.Object({
  reportId: Uuid,
  stage: Type.Enum(['awaiting', 'confirming', 'disputed', 'final']),
  assessment: AssessmentView,
  final: Nullable(FinalAssessment),
});
export type StepResult = Static<typeof StepResult>;

export const ClaimResult = Type.Object({ claim: ClaimView, renewed: Type.Boolean() });
export const ReassignResult = Type.Object({ claim: Nullable(ClaimView) });

export const Assignees = Type.Object({
  assignees: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String({ description: "The person's name (personal data: the read is audited)" }),
      roles: Type.Array(Type.String()),
      mayResolve: Type.Boolean({ description: 'A senior analyst: may also settle a dispute they took no part in' }),
    }),
  ),
});

export const Notes = Type.Object({
  notes: Type.Array(
    Type.Object({ source: Type.Enum(['assessment', 'review']), id: Uuid, writtenBy: Uuid, writtenAt: DateTime, note: Type.String() }),
  ),
});
export type Notes = Static<typeof Notes>;
