import { rdapServiceFor, type RdapBootstrap } from './rdap-bootstrap.js';
import { networkOf, type RdapNetwork } from './rdap-response.js';

/** How an RDAP query ended. `no_service`: no RDAP service is known for the address. */
export const rdapOutcomes = ['found', 'not_found', 'rate_limited', 'timeout', 'error', 'no_service'] as const;
export type RdapOutcome = (typeof rdapOutcomes)[number];

export interface RdapAnswer {
  outcome: RdapOutcome;
  network: RdapNetwork | null;
  /** The service asked (its base URL), when one was. */
  service: string | null;
  /** What went wrong, for the record: `http_503`, `not_rdap`, `network`… */
  detail?: string;
}

export interface RdapClientOptions {
  /** One RDAP service for every address (`VIGIE_RDAP_URL`), instead of the bootstrap. */
  serviceUrl?: string;
  bootstrap: RdapBootstrap;
  timeoutMs: number;
  /** The largest answer read. Default 1 MiB. */
  maxBytes?: number;
  now?: () => number;
}

export type RdapQuery = (address: string) => Promise<RdapAnswer>;

const retryAfterMs = (header: string | null, now: number) => {
  if (header === null) return 60_000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(seconds, 1), 3600) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 60_000 : Math.min(Math.max(date - now, 1000), 3_600_000);
};

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Queries `<service>/ip/<address>` (RFC 9082) with `Accept: application/rdap+json`,
 * following redirects (the registries send a query to the registry that holds the space).
 * Never throws: a 404, a timeout, a refusal or a malformed answer come back as an outcome.
 * A service that answered 429 is not asked again before its `Retry-After` (default a
 * minute): the queries in between are recorded as rate-limited without being sent.
 */
export function createRdapClient(options: RdapClientOptions): RdapQuery {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const blockedUntil = new Map<string, number>();
  return async (address) => {
    const service = options.serviceUrl ?? rdapServiceFor(options.bootstrap, address);
    if (!service) return { outcome: 'no_service', network: null, service: null };
    const origin = new URL(service).origin;
    if ((blockedUntil.get(origin) ?? 0) > now())
      return { outcome: 'rate_limited', network: null, service, detail: 'waiting_for_retry_after' };
    const url = `${service.replace(/\/+$/, '')}/ip/${encodeURIComponent(address)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/rdap+json, application/json;q=0.8' },
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { outcome: timedOut ? 'timeout' : 'error', network: null, service, ...(timedOut ? {} : { detail: 'network' }) };
    }
    if (response.status === 404) return { outcome: 'not_found', network: null, service };
    if (response.status === 429) {
      blockedUntil.set(origin, now() + retryAfterMs(response.headers.get('retry-after'), now()));
      return { outcome: 'rate_limited', network: null, service, detail: 'http_429' };
    }
    if (!response.ok) return { outcome: 'error', network: null, service, detail: `http_${response.status}` };
    try {
      const body = await readCapped(response, maxBytes);
      if (body === null) return { outcome: 'error', network: null, service, detail: 'too_large' };
      const network = networkOf(JSON.parse(body));
      return network ? { outcome: 'found', network, service } : { outcome: 'error', network: null, service, detail: 'not_rdap' };
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { outcome: timedOut ? 'timeout' : 'error', network: null, service, ...(timedOut ? {} : { detail: 'not_rdap' }) };
    }
  };
}
