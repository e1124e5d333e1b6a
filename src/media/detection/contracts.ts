import { Type, type Static, type TSchema } from 'typebox';
import { ageGroups, bankPurposes, industryCategories, legalStatuses } from '../banks/index.js';

/** The lookup's contracts (TypeBox: validation, types and the OpenAPI document). */

const hex = (digits: number, description: string) => Type.String({ pattern: `^[0-9a-fA-F]{${digits}}$`, description });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Most queries in one request. */
export const MAX_QUERIES = 1000;

export const MediaHashesSchema = Type.Object(
  {
    pdq: Type.Optional(hex(64, 'PDQ hash, 64 hexadecimal digits as the reference prints it')),
    pdqQuality: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, description: 'Below the quality floor, the PDQ hash is not matched' }),
    ),
    md5: Type.Optional(hex(32, 'MD5')),
    sha1: Type.Optional(hex(40, 'SHA-1')),
    sha256: Type.Optional(hex(64, 'SHA-256')),
  },
  { additionalProperties: false, description: 'At least one hash' },
);

export const MatchRequest = Type.Object(
  { hashes: Type.Array(MediaHashesSchema, { minItems: 1, maxItems: MAX_QUERIES }) },
  { additionalProperties: false },
);
export type MatchRequest = Static<typeof MatchRequest>;

const BankMatchSchema = Type.Object({
  bankId: Type.String({ format: 'uuid' }),
  bankName: Type.String(),
  purpose: Type.Enum([...bankPurposes]),
  entryId: Type.String(),
  kind: Type.Enum(['pdq', 'md5', 'sha1', 'sha256']),
  distance: Type.Integer({ description: 'PDQ Hamming distance; 0 for an exact hash' }),
  classification: Type.Object({
    legalStatus: Type.Enum([...legalStatuses]),
    industryCategory: Nullable(Type.Enum([...industryCategories])),
    ageGroup: Nullable(Type.Enum([...ageGroups])),
  }),
});

export const MatchResultSchema = Type.Object({
  matches: Type.Array(BankMatchSchema),
  suppressed: Type.Array(BankMatchSchema, { description: 'Set aside by a hit in a false-positive bank' }),
  suppressedBy: Type.Array(BankMatchSchema, { description: 'The hits in false-positive banks' }),
  suppressions: Type.Array(Type.Object({ entryId: Type.String(), by: Type.Array(Type.String()) })),
  pdqChecked: Type.Boolean(),
});

export const MatchResponse = Type.Object({
  results: Type.Array(MatchResultSchema, { description: 'One per query, in the order sent' }),
  hashes: Type.Optional(
    Type.Array(
      Type.Object({ pdq: Type.String(), pdqQuality: Type.Integer(), md5: Type.String(), sha1: Type.String(), sha256: Type.String() }),
      { description: 'For a file: the hashes Vigie computed (the file itself is not kept)' },
    ),
  ),
});
export type MatchResponse = Static<typeof MatchResponse>;
