import { randomBytes } from 'node:crypto';

/**
 * The keys of a deployment, as stored in the key file or in VIGIE_KEYS:
 * `{ "current": "<keyId>", "keys": { "<keyId>": "<base64 32 bytes>" }, "indexKey": "<base64 32 bytes>" }`.
 * Old data keys stay in `keys` so that values sealed under them can still be opened.
 */
export interface KeyRing {
  readonly current: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly indexKey: string;
}

/** A key ring that cannot be used; the message names what is wrong, never key material. */
export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

export const KEY_BYTES = 32;

/** Key ids appear inside every sealed value (`v1.<keyId>.…`), so they may not contain a dot. */
const KEY_ID = /^[A-Za-z0-9-]{1,64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

export function isKeyId(value: string): boolean {
  return KEY_ID.test(value);
}

/** The 32 bytes of a base64 key, or undefined when it is not exactly that. */
export function decodeKey(encoded: string): Uint8Array | undefined {
  if (!BASE64_KEY.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  return bytes.length === KEY_BYTES ? new Uint8Array(bytes) : undefined;
}

function freshKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** A readable, sortable, unique id: the day the key was made and a random suffix. */
function freshKeyId(taken: Readonly<Record<string, string>>): string {
  const day = new Date().toISOString().slice(0, 10);
  for (;;) {
    const id = `${day}-${randomBytes(3).toString('hex')}`;
    if (!Object.hasOwn(taken, id)) return id;
  }
}

/** A new ring with one random data key and a random index key. */
export function newKeyRing(): KeyRing {
  const id = freshKeyId({});
  return { current: id, keys: { [id]: freshKey() }, indexKey: freshKey() };
}

/**
 * The same ring with a new random data key, which becomes current; old keys are kept.
 * The index key stays: lookups compare a fresh blind index with the stored ones, so a new
 * index key would make every lookup miss until every index had been recomputed from the
 * decrypted values, which is a separate planned operation, not a routine rotation.
 */
export function withNewKey(ring: KeyRing): KeyRing {
  const id = freshKeyId(ring.keys);
  return { current: id, keys: { ...ring.keys, [id]: freshKey() }, indexKey: ring.indexKey };
}

/**
 * A name quoted in an error message. A key written where a name belongs (44 characters of
 * base64 ending in `=`) is never shown.
 */
function shown(name: string): string {
  return name.length <= 40 && !/[+/=]/.test(name) ? JSON.stringify(name) : '(not shown: it may be a key)';
}

/** The ring alone, as stored: without the metadata a loaded ring carries. */
export function ringOnly(ring: KeyRing): KeyRing {
  return { current: ring.current, keys: ring.keys, indexKey: ring.indexKey };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape of a parsed ring; `source` names where it came from in error messages. */
export function validateKeyRing(value: unknown, source: string): KeyRing {
  const fail = (problem: string): never => {
    throw new KeyRingError(`Invalid key ring in ${source}: ${problem}`);
  };
  if (!isRecord(value)) return fail('it must be a JSON object with "current", "keys" and "indexKey"');
  const unknown = Object.keys(value).filter((k) => !['current', 'keys', 'indexKey'].includes(k));
  if (unknown.length > 0) return fail(`unknown field(s) ${unknown.map(shown).join(', ')}`);
  const { current, keys, indexKey } = value;
  if (!isRecord(keys) || Object.keys(keys).length === 0) return fail('"keys" must be a non-empty object');
  const decoded: Uint8Array[] = [];
  for (const [id, key] of Object.entries(keys)) {
    if (!isKeyId(id)) return fail(`key id ${shown(id)} must be 1 to 64 letters, digits or dashes`);
    const bytes = typeof key === 'string' ? decodeKey(key) : undefined;
    if (!bytes) return fail(`key "${id}" must be ${KEY_BYTES} bytes encoded in base64`);
    decoded.push(bytes);
  }
  if (typeof current !== 'string') return fail('"current" must be the id of one of the keys');
  if (!Object.hasOwn(keys, current)) return fail(`"current" names key ${shown(current)}, which is not in "keys"`);
  const index = typeof indexKey === 'string' ? decodeKey(indexKey) : undefined;
  if (typeof indexKey !== 'string' || !index) return fail(`"indexKey" must be ${KEY_BYTES} bytes encoded in base64`);
  if (decoded.some((key) => Buffer.compare(key, index) === 0)) return fail('"indexKey" must differ from every data key');
  return { current, keys: { ...(keys as Record<string, string>) }, indexKey };
}

/** Parses a ring from JSON text (the key file or VIGIE_KEYS). */
export function parseKeyRing(text: string, source: string): KeyRing {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes the text, which would print key material.
    throw new KeyRingError(`Invalid key ring in ${source}: it is not valid JSON`);
  }
  return validateKeyRing(value, source);
}
