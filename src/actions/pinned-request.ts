import { createHash } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, isIPv6, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One GET of one URL, at an address already checked. */
export interface PinnedRequest {
  url: URL;
  /** The checked address: the socket connects to it and nowhere else. */
  address: string;
  connectTimeoutMs: number;
  maxBytes: number;
  userAgent: string;
  /** The whole check's deadline. */
  signal: AbortSignal;
  /** Trust anchors for HTTPS instead of Node's bundled ones (a private CA; tests). */
  ca?: string | Buffer | readonly (string | Buffer)[];
}

export const failureReasons = ['connect_timeout', 'connection_refused', 'unreachable', 'tls', 'network', 'timeout'] as const;
export type FailureReason = (typeof failureReasons)[number];

/** How a body's reading ended: whole, at the size cap, at the deadline, or cut by the server. */
export type BodyEnd = 'complete' | 'size_cap' | 'deadline' | 'connection_closed';

export type PinnedResponse =
  | {
      kind: 'response';
      status: number;
      /** The Location of a redirect (3xx), whose body is not read. */
      location: string | null;
      bytesRead: number;
      bodyEnd: BodyEnd;
      /** SHA-256 of the bytes read, hex; never the bytes. */
      sha256: string | null;
      connectMs: number;
      firstByteMs: number;
    }
  | { kind: 'failure'; reason: FailureReason; connected: boolean; connectMs: number | null };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const hostnameOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Answers every lookup with the checked address. The request names the address itself, so
 * Node never looks the name up; this only makes sure that no lookup could ever lead elsewhere.
 */
function pinnedLookup(address: string): LookupFunction {
  const family = isIPv6(address) ? 6 : 4;
  return (_hostname, options, callback) => {
    if (options.all) (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

const codeOf = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '');

function reasonOf(error: unknown, signal: AbortSignal, connected: boolean): FailureReason {
  if (error instanceof ConnectTimeout) return 'connect_timeout';
  if (signal.aborted) return 'timeout';
  const code = codeOf(error);
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(code)) return 'unreachable';
  if (!connected && /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_)/.test(code)) return 'tls';
  return 'network';
}

class ConnectTimeout extends Error {
  constructor() {
    super('The connection was not established in time');
  }
}

/**
 * GETs `url` from `address`: the socket connects to that address only, the Host header and
 * (HTTPS) the server name and certificate check use the URL's name. No cookie, no
 * credentials, no compression asked for; a body is hashed as it arrives, at most
 * `maxBytes` of it, and dropped. Never throws: a failure is an outcome.
 */
export function requestPinned(request: PinnedRequest): Promise<PinnedResponse> {
  const { url, address, signal } = request;
  const secure = url.protocol === 'https:';
  const hostname = hostnameOf(url);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let connectMs: number | null = null;

  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: PinnedResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      resolve(result);
    };
    const options: https.RequestOptions = {
      method: 'GET',
      host: address,
      family: isIPv6(address) ? 6 : 4,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'user-agent': request.userAgent, accept: '*/*', 'accept-encoding': 'identity', connection: 'close' },
      agent: false,
      lookup: pinnedLookup(address),
      signal,
      ...(secure ? { servername: isIP(hostname) === 0 ? hostname : '', rejectUnauthorized: true } : {}),
      ...(secure && request.ca !== undefined ? { ca: request.ca as string | Buffer | (string | Buffer)[] } : {}),
    };
    const outgoing = (secure ? https : http).request(options);
    const connectTimer = setTimeout(() => outgoing.destroy(new ConnectTimeout()), request.connectTimeoutMs);
    outgoing.once('socket', (socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        connectMs = elapsed();
      });
    });
    let responded = false;
    outgoing.on('error', (error) => {
      // Once the answer has come, the body's reader decides how it ended.
      if (responded) return;
      const connected = connectMs !== null;
      settle({ kind: 'failure', reason: reasonOf(error, signal, connected), connected, connectMs });
    });
    outgoing.once('response', (response) => {
      responded = true;
      const firstByteMs = elapsed();
      const status = response.statusCode ?? 0;
      const location = redirectStatuses.has(status) ? (response.headers.location ?? null) : null;
      const head = { kind: 'response' as const, status, location, connectMs: connectMs ?? firstByteMs, firstByteMs };
      if (location !== null) {
        response.destroy();
        settle({ ...head, bytesRead: 0, bodyEnd: 'complete', sha256: null });
        return;
      }
      void readCapped(response, request.maxBytes, signal).then((body) => {
        outgoing.destroy();
        settle({ ...head, ...body });
      });
    });
    outgoing.end();
  });
}

/** Reads at most `maxBytes` of a body into a SHA-256, then stops reading and closes. */
function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal) {
  return new Promise<{ bytesRead: number; bodyEnd: BodyEnd; sha256: string }>((resolve) => {
    const hash = createHash('sha256');
    let bytesRead = 0;
    let done = false;
    const finish = (bodyEnd: BodyEnd) => {
      if (done) return;
      done = true;
      response.destroy();
      resolve({ bytesRead, bodyEnd, sha256: hash.digest('hex') });
    };
    response.on('data', (chunk: Buffer) => {
      if (done) return;
      const room = maxBytes - bytesRead;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      hash.update(part);
      bytesRead += part.length;
      if (chunk.length > room) finish('size_cap');
    });
    response.once('end', () => finish('complete'));
    response.once('error', () => finish(signal.aborted ? 'deadline' : 'connection_closed'));
    response.once('close', () => finish(signal.aborted ? 'deadline' : 'connection_closed'));
  });
}
