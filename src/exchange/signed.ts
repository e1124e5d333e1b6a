import { signDetached, verifyDetached } from '../platform/crypto/index.js';
import type { DeploymentSigner } from './context.js';
import { canonicalBytes, keyHeader, signatureHeader } from './model.js';

/** A message or an answer ready to send: its exact bytes and the headers that sign them. */
export interface SignedBody {
  bytes: Buffer;
  headers: Record<string, string>;
}

/** Encodes a message canonically and signs exactly those bytes with the deployment's key. */
export function signBody(signer: DeploymentSigner, message: object): SignedBody {
  const bytes = canonicalBytes(message);
  const signature = Buffer.from(signDetached(bytes, signer.secretKey)).toString('base64');
  return {
    bytes,
    headers: { 'content-type': 'application/json', [keyHeader]: signer.keyId, [signatureHeader]: signature },
  };
}

/** Whether the signature header holds a valid signature of these bytes under the partner's public key (base64). */
export function signatureHolds(bytes: Uint8Array, signature: string | undefined, publicKey: string): boolean {
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  return verifyDetached(Buffer.from(signature, 'base64'), bytes, Buffer.from(publicKey, 'base64'));
}
