import { Compile } from 'typebox/compile';
import type { ExchangeContext } from './context.js';
import { Acknowledgement } from './contracts.js';
import { keyHeader, signatureHeader } from './model.js';
import { checkBaseUrl } from './origins.js';
import { signBody, signatureHolds } from './signed.js';
import type { ExchangePartnersTable } from './tables.js';

const maxAnswerBytes = 64 * 1024;
const acknowledgement = Compile(Acknowledgement);

/** Why a delivery failed, in words that hold no content: kept on the row and thrown for the job's retry. */
export class DeliveryError extends Error {
  constructor(readonly reason: string) {
    super(`exchange delivery failed: ${reason}`);
    this.name = 'DeliveryError';
  }
}

async function readCapped(response: Response): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxAnswerBytes) throw new DeliveryError('answer-too-large');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * Posts one signed message to a partner's `/api/exchange/messages` and returns its signed
 * acknowledgement, checked against the partner's registered key. Anything else — no answer,
 * an error status, an unsigned or wrongly signed answer, an answer about another message —
 * is a `DeliveryError`, and the job tries again later with the same message id.
 */
export async function deliver(ctx: ExchangeContext, partner: ExchangePartnersTable, message: { id: string }): Promise<Acknowledgement> {
  // Checked again at each delivery: the setting may have changed since the partner was registered.
  const baseUrl = checkBaseUrl(partner.base_url, ctx.allowedHttpOrigins);
  const { bytes, headers } = signBody(ctx.signer, message);
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/exchange/messages`, {
      method: 'POST',
      headers,
      body: bytes,
      redirect: 'error',
      signal: AbortSignal.timeout(ctx.requestTimeoutMs),
    });
  } catch (error) {
    throw new DeliveryError(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'no-answer');
  }
  let body: Buffer;
  try {
    body = await readCapped(response);
  } catch (error) {
    throw error instanceof DeliveryError ? error : new DeliveryError('answer-cut');
  }
  if (response.status !== 200) throw new DeliveryError(`status-${response.status}`);
  if (
    response.headers.get(keyHeader) !== partner.key_id ||
    !signatureHolds(body, response.headers.get(signatureHeader) ?? undefined, partner.public_key)
  ) {
    throw new DeliveryError('answer-not-signed');
  }
  let ack: unknown;
  try {
    ack = JSON.parse(body.toString('utf8'));
  } catch {
    throw new DeliveryError('answer-not-json');
  }
  if (!acknowledgement.Check(ack) || ack.messageId !== message.id || ack.sender !== partner.key_id || ack.recipient !== ctx.signer.keyId) {
    throw new DeliveryError('answer-not-an-acknowledgement');
  }
  return ack;
}
