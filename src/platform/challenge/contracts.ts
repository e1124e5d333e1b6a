import { Type, type Static } from 'typebox';

/** The request header that carries a solved challenge (base64 of the JSON payload). */
export const challengeHeader = 'x-vigie-challenge';

const Hex = (maxLength: number) => Type.String({ pattern: '^[0-9a-f]+$', maxLength });

export const ChallengeParameters = Type.Object(
  {
    algorithm: Type.Literal('SHA-256'),
    nonce: Hex(64),
    salt: Hex(64),
    cost: Type.Integer({ minimum: 1, maximum: 1000 }),
    keyLength: Type.Integer({ minimum: 1, maximum: 64 }),
    keyPrefix: Hex(128),
    expiresAt: Type.Integer({ minimum: 1, description: 'Seconds since 1970-01-01 UTC after which the challenge is refused' }),
  },
  { additionalProperties: false },
);

/** An ALTCHA (v2) challenge: find the counter whose derived key starts with `keyPrefix`. */
export const Challenge = Type.Object(
  {
    parameters: ChallengeParameters,
    signature: Hex(128),
  },
  {
    additionalProperties: false,
    description:
      'An ALTCHA v2 proof-of-work challenge, signed by the server. Solve it (SHA-256, counter as a big-endian uint32 after the nonce) ' +
      'and send `base64(JSON({ challenge, solution: { counter, derivedKey } }))` in the x-vigie-challenge header.',
  },
);
export type Challenge = Static<typeof Challenge>;

/** What the client sends back, decoded from the header. */
export const SolvedChallenge = Type.Object(
  {
    challenge: Challenge,
    solution: Type.Object({
      counter: Type.Integer({ minimum: 0, maximum: 0xffffffff }),
      derivedKey: Hex(128),
      time: Type.Optional(Type.Number()),
    }),
  },
  { additionalProperties: true },
);
export type SolvedChallenge = Static<typeof SolvedChallenge>;
