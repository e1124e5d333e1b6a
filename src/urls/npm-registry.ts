import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What `vigie geo update` needs of an npm registry (the public one, or a mirror a
 * deployment runs): the newest version of a package, and its tarball, verified against the
 * integrity hash the registry publishes for it.
 */

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

const Packument = Type.Object({
  'dist-tags': Type.Object({ latest: Type.String({ minLength: 1 }) }),
  versions: Type.Record(
    Type.String(),
    Type.Object({ dist: Type.Object({ tarball: Type.String(), integrity: Type.Optional(Type.String()) }) }),
  ),
});

export interface PublishedVersion {
  version: string;
  tarball: string;
  integrity: string;
}

/** `@scope/name` → `@scope%2fname`, as registries expect it in a path. */
const packagePath = (name: string) => name.replace('/', '%2f');

async function fetchOrFail(url: string, timeoutMs: number, accept: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new RegistryError(`${url} ${reason}`);
  }
  if (!response.ok) throw new RegistryError(`${url} answered ${response.status}`);
  return response;
}

export async function latestVersion(registry: string, name: string, timeoutMs: number): Promise<PublishedVersion> {
  const url = `${registry.replace(/\/+$/, '')}/${packagePath(name)}`;
  const response = await fetchOrFail(url, timeoutMs, 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8');
  let document: unknown;
  try {
    document = await response.json();
  } catch {
    throw new RegistryError(`${url} did not answer JSON`);
  }
  if (!Value.Check(Packument, document)) throw new RegistryError(`${url} did not answer an npm package document`);
  const version = document['dist-tags'].latest;
  const dist = document.versions[version]?.dist;
  if (!dist) throw new RegistryError(`${name}: the registry names ${version} as latest but does not describe it`);
  if (!/^https?:\/\//.test(dist.tarball)) throw new RegistryError(`${name}@${version}: the tarball is not at an http(s) address`);
  if (!dist.integrity) throw new RegistryError(`${name}@${version}: the registry gives no integrity hash`);
  return { version, tarball: dist.tarball, integrity: dist.integrity };
}

/**
 * Whether the bytes match a Subresource Integrity string as npm publishes it
 * (`sha512-<base64>`, possibly several hashes separated by spaces). Only SHA-512 counts:
 * the older SHA-1 `shasum` is not accepted as proof.
 */
export function matchesIntegrity(bytes: Uint8Array, integrity: string): boolean {
  const expected = integrity
    .trim()
    .split(/\s+/)
    .filter((entry) => entry.startsWith('sha512-'))
    .map((entry) => entry.slice('sha512-'.length).split('?')[0]);
  if (expected.length === 0) return false;
  const actual = createHash('sha512').update(bytes).digest('base64');
  return expected.includes(actual);
}

/** Downloads a tarball, at most `maxBytes`, and verifies it; throws before anything is written. */
export async function downloadVerified(published: PublishedVersion, timeoutMs: number, maxBytes: number): Promise<Buffer> {
  const response = await fetchOrFail(published.tarball, timeoutMs, 'application/octet-stream');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new RegistryError(`${published.tarball} is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  if (!matchesIntegrity(bytes, published.integrity)) {
    throw new RegistryError(`${published.tarball} does not match the registry's integrity hash: refused`);
  }
  return bytes;
}
