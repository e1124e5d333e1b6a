import { performance } from 'node:perf_hooks';
import { createHostResolver, type HostAddresses } from '../urls/index.js';
import { judgeAddress } from './address-policy.js';
import type { AddressRange } from './addresses.js';
import { requestPinned, type BodyEnd, type FailureReason, type PinnedResponse } from './pinned-request.js';

export const removalOutcomes = ['online', 'removed', 'error', 'refused'] as const;
/**
 * `online`: a 2xx answer; `removed`: 404, 410 or 451, or a name that no longer exists or
 * has no address; `refused`: an address the checker may not reach (the URL's, or a
 * redirect's); `error`: anything else — the check says nothing about removal.
 */
export type RemovalOutcome = (typeof removalOutcomes)[number];

export type RemovalReason =
  | 'content_served'
  | 'not_found'
  | 'gone'
  | 'unavailable_for_legal_reasons'
  | 'nxdomain'
  | 'no_address'
  | 'refused_address'
  | 'http_status'
  | 'dns_timeout'
  | 'dns_error'
  | 'too_many_redirects'
  | 'bad_redirect'
  | 'bad_url'
  | FailureReason;

/** What a check keeps: no content, no address, no header — status, timings, host and a hash. */
export interface RemovalCheck {
  outcome: RemovalOutcome;
  reason: RemovalReason;
  /** The last HTTP status received, if any. */
  status?: number;
  /** Host of the last URL asked (the URL's own, or a redirect's). */
  finalHost?: string;
  redirects: number;
  /** For `refused`: the name of the special-purpose range (`loopback`, `private`, `link-local`…). */
  refusedRange?: string;
  /** Of the last response's body, at most `maxBytes`. */
  bytesRead: number;
  bodyEnd?: BodyEnd;
  sha256?: string;
  checkedAt: string;
  timings: { dnsMs: number; connectMs: number; firstByteMs?: number; totalMs: number };
}

export interface RemovalCheckOptions {
  /** Ranges let through despite the refusal rules (VIGIE_FETCH_ALLOW). */
  allow: readonly AddressRange[];
  /** VIGIE_DNS_SERVERS (`host:port`); empty: the system's resolvers. */
  dnsServers: readonly string[];
  dnsTimeoutMs: number;
  /** Until the TCP connection (and, for HTTPS, the TLS handshake) is established, per address tried. */
  connectTimeoutMs: number;
  /** The whole check, every redirect included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Trust anchors for HTTPS instead of Node's bundled ones (a private CA; tests). */
  ca?: string | Buffer | readonly (string | Buffer)[];
  now?: () => Date;
}

const statusOutcomes: Record<number, { outcome: RemovalOutcome; reason: RemovalReason }> = {
  404: { outcome: 'removed', reason: 'not_found' },
  410: { outcome: 'removed', reason: 'gone' },
  451: { outcome: 'removed', reason: 'unavailable_for_legal_reasons' },
};

function outcomeOfStatus(status: number): { outcome: RemovalOutcome; reason: RemovalReason } {
  if (status >= 200 && status < 300) return { outcome: 'online', reason: 'content_served' };
  return statusOutcomes[status] ?? { outcome: 'error', reason: 'http_status' };
}

const dnsOutcomes: Partial<Record<HostAddresses['outcome'], { outcome: RemovalOutcome; reason: RemovalReason }>> = {
  nxdomain: { outcome: 'removed', reason: 'nxdomain' },
  no_address: { outcome: 'removed', reason: 'no_address' },
  timeout: { outcome: 'error', reason: 'dns_timeout' },
  error: { outcome: 'error', reason: 'dns_error' },
};

/** Connection failures after which the next address of the name is tried. */
const tryNextAddress = new Set<FailureReason>(['connect_timeout', 'connection_refused', 'unreachable']);

function httpUrl(text: string, base?: URL): URL | null {
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Is the content at `url` still online? Each URL asked, the first and every redirect's, is
 * resolved here, every address of its name judged (one refused address refuses the name),
 * and the connection made to a judged address only — so a DNS answer that changes between
 * the check and the connection (rebinding) cannot lead anywhere else. Never throws.
 */
export async function checkRemoval(url: string, options: RemovalCheckOptions): Promise<RemovalCheck> {
  const now = options.now ?? (() => new Date());
  const checkedAt = now().toISOString();
  const started = performance.now();
  const timings = { dnsMs: 0, connectMs: 0 } as RemovalCheck['timings'];
  const resolve = createHostResolver({ servers: options.dnsServers, timeoutMs: options.dnsTimeoutMs });
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  let redirects = 0;
  let bytesRead = 0;
  const end = (result: Omit<RemovalCheck, 'checkedAt' | 'timings' | 'redirects' | 'bytesRead'>): RemovalCheck => {
    clearTimeout(timer);
    return { ...result, redirects, bytesRead, checkedAt, timings: { ...timings, totalMs: Math.round(performance.now() - started) } };
  };

  let current = httpUrl(url);
  if (!current) return end({ outcome: 'error', reason: 'bad_url' });
  for (;;) {
    const finalHost = current.hostname;
    const dnsStarted = performance.now();
    const answer = await resolve(finalHost.replace(/^\[(.*)\]$/, '$1'));
    timings.dnsMs += Math.round(performance.now() - dnsStarted);
    if (deadline.signal.aborted) return end({ outcome: 'error', reason: 'timeout', finalHost });
    const dnsEnd = dnsOutcomes[answer.outcome];
    if (dnsEnd) return end({ ...dnsEnd, finalHost });
    for (const address of answer.addresses) {
      const verdict = judgeAddress(address, options.allow);
      if (!verdict.allowed) return end({ outcome: 'refused', reason: 'refused_address', refusedRange: verdict.range, finalHost });
    }

    let response: PinnedResponse | null = null;
    let hopStartedMs = 0;
    for (const address of answer.addresses) {
      hopStartedMs = performance.now() - started;
      response = await requestPinned({
        url: current,
        address,
        connectTimeoutMs: options.connectTimeoutMs,
        maxBytes: options.maxBytes,
        userAgent: options.userAgent,
        signal: deadline.signal,
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
      });
      if (response.kind === 'response' || !tryNextAddress.has(response.reason)) break;
    }
    if (!response) return end({ outcome: 'error', reason: 'dns_error', finalHost });
    if (response.kind === 'failure') {
      timings.connectMs += response.connectMs ?? 0;
      return end({ outcome: 'error', reason: response.reason, finalHost });
    }
    timings.connectMs += response.connectMs;
    if (response.location !== null) {
      if (redirects >= options.maxRedirects)
        return end({ outcome: 'error', reason: 'too_many_redirects', status: response.status, finalHost });
      const next = httpUrl(response.location, current);
      if (!next) return end({ outcome: 'error', reason: 'bad_redirect', status: response.status, finalHost });
      redirects += 1;
      current = next;
      continue;
    }
    bytesRead = response.bytesRead;
    timings.firstByteMs = Math.round(hopStartedMs + response.firstByteMs);
    return end({
      ...outcomeOfStatus(response.status),
      status: response.status,
      finalHost,
      bodyEnd: response.bodyEnd,
      ...(response.sha256 !== null ? { sha256: response.sha256 } : {}),
    });
  }
}
