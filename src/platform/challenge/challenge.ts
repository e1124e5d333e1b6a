import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import { Problem, type FieldCode } from '../http/index.js';
import type { MessageKey } from '../i18n/index.js';
import { challengeHeader, SolvedChallenge, type Challenge } from './contracts.js';
import type { SpentChallenges } from './spent.js';

export interface ChallengeSettings {
  /** The HMAC key that signs challenges (derived from the key ring, never written anywhere). */
  secret: Buffer;
  /** The solver tries on average half this many SHA-256 hashes. */
  maxNumber: number;
  lifetimeSeconds: number;
  now?: () => Date;
}

/** A route guard: resolves when the request carries a solved, unused challenge; throws a Problem otherwise. */
export type ChallengeGuard = (request: FastifyRequest) => Promise<void>;

/** Longest header accepted; a real payload is about 600 characters. */
const maxHeaderLength = 4096;

function refused(code: FieldCode, detail: MessageKey): Problem {
  return new Problem('challenge', { fields: [{ in: 'header', parameter: challengeHeader, code }], detail });
}

function decode(header: string): SolvedChallenge | undefined {
  if (header.length > maxHeaderLength || !/^[A-Za-z0-9+/]+={0,2}$/.test(header)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    return Value.Check(SolvedChallenge, value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * ALTCHA proof of work against flooding, without tracking anyone: the server signs a
 * challenge (nothing about the requester in it), the browser spends a second or so finding
 * the counter that solves it, and a submission must carry the solution. Each challenge is
 * good once, until it expires.
 */
export function createChallenges(settings: ChallengeSettings, spent: SpentChallenges) {
  const secret = settings.secret.toString('hex');
  const now = settings.now ?? (() => new Date());

  async function issue(): Promise<Challenge> {
    const expiresAt = Math.floor(now().getTime() / 1000) + settings.lifetimeSeconds;
    const challenge = await createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      counter: randomInt(settings.maxNumber),
      deriveKey,
      expiresAt,
      hmacSignatureSecret: secret,
    });
    return challenge as Challenge;
  }

  /** Checks a solved challenge from the header and marks it used; throws a Problem naming the header. */
  async function redeem(header: string | string[] | undefined): Promise<void> {
    if (header === undefined || header === '') throw refused('required', 'detail.challenge-missing');
    const solved = typeof header === 'string' ? decode(header) : undefined;
    if (!solved) throw refused('format', 'detail.challenge-invalid');
    const expiresAt = solved.challenge.parameters.expiresAt;
    if (expiresAt * 1000 <= now().getTime()) throw refused('invalid', 'detail.challenge-expired');
    const result = await verifySolution({ challenge: solved.challenge, solution: solved.solution, deriveKey, hmacSignatureSecret: secret });
    if (result.expired) throw refused('invalid', 'detail.challenge-expired');
    if (!result.verified) throw refused('invalid', 'detail.challenge-invalid');
    const first = await spent.spend(solved.challenge.signature, new Date(expiresAt * 1000), now());
    if (!first) throw refused('invalid', 'detail.challenge-used');
  }

  const guard: ChallengeGuard = (request) => redeem(request.headers[challengeHeader]);
  return { issue, redeem, guard };
}
export type Challenges = ReturnType<typeof createChallenges>;
