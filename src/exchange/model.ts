import { createHash } from 'node:crypto';

/**
 * The exchange between Vigie deployments (README): one deployment forwards a report to the
 * hotline of the hosting country when that hotline runs Vigie too, and the status comes back.
 */
export const exchangeFormat = 'vigie.exchange/1';

/** The headers of a signed message (request or answer). */
export const keyHeader = 'vigie-exchange-key';
export const signatureHeader = 'vigie-exchange-signature';

/** A message is refused when its `sentAt` is further than this from the receiver's clock. */
export const replayWindowSeconds = 300;

/** What flows back from the receiving deployment, in order; a later one implies the earlier. */
export const exchangeStatuses = ['received', 'assessed', 'removed'] as const;
export type ExchangeStatus = (typeof exchangeStatuses)[number];

export const rankOf = (status: ExchangeStatus) => exchangeStatuses.indexOf(status);

/**
 * The sender's referral status each exchange status means: the receiving hotline has the
 * report (`received`), has assessed it (`accepted`: taken up), has had the content removed
 * (`done`, outcome `content_removed`).
 */
export const referralStatusOf = { received: 'received', assessed: 'accepted', removed: 'done' } as const;

/** The path a referral walks from `sent` (the referrals module allows one step at a time). */
export const referralPath = ['sent', 'received', 'accepted', 'done'] as const;

/** The jobs: forward one referral's report; deliver one status message; look for status changes to send back. */
export const forwardJob = 'exchange.forward-report';
export const deliverJob = 'exchange.deliver-status';
export const syncStatusesJob = 'exchange.sync-statuses';

/** The key id of a public key: the first 16 bytes of its SHA-256, in hex; it names the sender of a message. */
export function keyIdOf(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 32);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function canonical(value: unknown): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = canonical(member);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('A message holds finite numbers only');
  return value as Json;
}

/**
 * The bytes of a message as it is signed and sent: UTF-8 JSON without whitespace, members of
 * every object sorted by name (UTF-16 code units, as RFC 8785), undefined members left out.
 * The receiver verifies the signature over the bytes it received, never over a re-encoding.
 */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(canonical(value)), 'utf8');
}

/** The key under which the reports module claims a forwarded report once. */
export const importKeyOf = (partnerId: string, messageId: string) => `vigie-exchange:${partnerId}:${messageId}`;

export const forwardSealedContext = (referralId: string) => `exchange_forwards.payload_sealed:${referralId}`;
