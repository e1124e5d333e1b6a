import { isIP } from 'node:net';
import { Problem } from '../platform/http/index.js';

const loopbackHost = (host: string) => host === 'localhost' || host === '[::1]' || (isIP(host) === 4 && host.startsWith('127.'));

/**
 * `VIGIE_EXCHANGE_ALLOW_HTTP`: the http origins a partner may have, comma-separated, each on a
 * loopback host (`http://127.0.0.1:8081`) — for tests and a deployment's own trials. Anything
 * else is refused at start: a partner's messages carry reports and go over https only.
 */
export function parseAllowedHttpOrigins(setting: string): Set<string> {
  const origins = new Set<string>();
  for (const entry of setting
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`VIGIE_EXCHANGE_ALLOW_HTTP: ${entry} is not an origin such as http://127.0.0.1:8081`);
    }
    if (url.protocol !== 'http:' || url.origin !== entry.replace(/\/$/, '') || !loopbackHost(url.hostname)) {
      throw new Error(`VIGIE_EXCHANGE_ALLOW_HTTP: ${entry} is not an http origin on a loopback address`);
    }
    origins.add(url.origin);
  }
  return origins;
}

/** A partner's base URL, normalised (no trailing slash), or a 400 naming `baseUrl`. */
export function checkBaseUrl(baseUrl: string, allowedHttp: ReadonlySet<string>, pointer = '/baseUrl'): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Problem('validation', { fields: [{ in: 'body', pointer, code: 'format' }] });
  }
  const https = url.protocol === 'https:';
  const allowed = https || (url.protocol === 'http:' && allowedHttp.has(url.origin));
  if (!allowed || url.username || url.password || url.search || url.hash) {
    throw new Problem('validation', { fields: [{ in: 'body', pointer, code: 'format' }] });
  }
  return url.href.replace(/\/+$/, '');
}
