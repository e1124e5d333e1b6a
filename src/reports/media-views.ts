import { Type, type Static, type TSchema } from 'typebox';
import { ageGroups } from './model.js';
import { DateTime, Uuid } from './vocabulary.js';

/** What the upload routes answer, and what staff see of a report's media and its matches. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Hex = Type.String({ pattern: '^[0-9a-f]+$' });

export const UploadReceipt = Type.Object({
  uploadId: Type.String({ format: 'uuid', description: 'Name it in a report, as `media[].uploadId`, before `expiresAt`' }),
  mediaType: Type.String({ description: 'Found in the bytes, whatever the sender declared' }),
  size: Type.Integer({ description: 'Bytes' }),
  expiresAt: DateTime,
  hashes: Type.Object({ md5: Hex, sha1: Hex, sha256: Hex, pdq: Type.Optional(Hex) }),
  pdqQuality: Nullable(Type.Integer()),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  quarantined: Type.Boolean({ description: 'False: the bytes were discarded once hashed (the default)' }),
});
export type UploadReceipt = Static<typeof UploadReceipt>;

const Classification = Type.Object({
  legalStatus: Type.String(),
  industryCategory: Nullable(Type.String()),
  ageGroup: Nullable(Type.String()),
});

const BankRef = {
  bankId: Uuid,
  bankName: Type.String(),
  bankPurpose: Type.String(),
  entryId: Type.String(),
};

export const MediaMatchView = Type.Object({
  ...BankRef,
  kind: Type.Enum(['pdq', 'md5', 'sha1', 'sha256']),
  distance: Type.Integer({ description: 'Hamming distance of the PDQ hashes; 0 for an exact hash' }),
  classification: Classification,
  matchedAt: DateTime,
});

export const SuppressedMatchView = Type.Object({
  ...MediaMatchView.properties,
  suppressedBy: Type.Array(Type.Object(BankRef), { description: 'The false-positive entries that set this match aside' }),
});

/** One media item of a report, as staff see it without personal data. */
export const MediaDetail = Type.Object({
  id: Uuid,
  hashes: Type.Object({ md5: Type.Optional(Hex), sha1: Type.Optional(Hex), sha256: Type.Optional(Hex), pdq: Type.Optional(Hex) }),
  pdqQuality: Nullable(Type.Integer()),
  mediaType: Nullable(Type.String()),
  /** Null until the detection job has matched it against the hash banks. */
  matchedAt: Nullable(DateTime),
  matches: Type.Array(MediaMatchView, { description: 'Matches that stand, strongest first' }),
  suppressed: Type.Array(SuppressedMatchView, { description: 'Matches a false-positive bank set aside' }),
  quarantined: Type.Boolean({ description: 'Its bytes are held in the quarantine (GET …/media/:itemId/content)' }),
});
export type MediaDetail = Static<typeof MediaDetail>;

/** The assessment queue's order and what raised it (summary and detail). */
export const PriorityView = {
  priority: Type.Integer({ minimum: 0, description: 'Higher first: immediate danger, known content, trafficking, then age group' }),
  knownContent: Type.Boolean({ description: 'A media item matched known illegal content' }),
  ageGroup: Nullable(Type.Enum([...ageGroups])),
};

export const MediaContentParams = Type.Object({ id: Uuid, itemId: Uuid }, { additionalProperties: false });
