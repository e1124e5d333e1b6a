import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the loopback RDAP service answers for one address. */
export interface RdapReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (a timeout). */
  delayMs?: number;
  /** Answer 302 to this path of the same server (a registry sending to another). */
  redirectTo?: string;
}

export interface RdapServer {
  /** Base URL, as VIGIE_RDAP_URL takes it. */
  url: string;
  /** Paths asked, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback answering `GET /…/ip/<address>` with `application/rdap+json`. */
export async function startRdapServer(replies: Record<string, RdapReply>): Promise<RdapServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const address = decodeURIComponent(path.replace(/^.*\/ip\//, ''));
    const reply = replies[path] ?? replies[address];
    const send = () => {
      if (!reply) {
        response.writeHead(404, { 'content-type': 'application/rdap+json' });
        response.end(JSON.stringify({ errorCode: 404, title: 'Not Found' }));
        return;
      }
      if (reply.redirectTo) {
        response.writeHead(302, { location: reply.redirectTo });
        response.end();
        return;
      }
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/rdap+json', ...reply.headers });
      response.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
    };
    if (reply?.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rdap/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const vcard = (fn: string, email?: string) => [
  'vcard',
  [['version', {}, 'text', '4.0'], ['fn', {}, 'text', fn], ...(email ? [['email', { type: 'work' }, 'text', email]] : [])],
];

/**
 * An RDAP `ip network` answer shaped as the regional registries give them: the abuse
 * contact nested under the registrant (ARIN) unless `abuseAtTop`.
 */
export function rdapNetwork(options: {
  handle: string;
  start: string;
  end: string;
  name: string;
  country?: string;
  abuseEmail?: string;
  abuseAtTop?: boolean;
}): object {
  const abuse = {
    objectClassName: 'entity',
    handle: `ABUSE-${options.handle}`,
    roles: ['abuse'],
    vcardArray: vcard('Abuse desk', options.abuseEmail),
  };
  const registrant = {
    objectClassName: 'entity',
    handle: `ORG-${options.handle}`,
    roles: ['registrant'],
    vcardArray: vcard(`${options.name} Ltd`, 'contact@example.net'),
    entities: options.abuseAtTop
      ? []
      : [
          {
            objectClassName: 'entity',
            handle: `TECH-${options.handle}`,
            roles: ['technical'],
            vcardArray: vcard('NOC', 'noc@example.net'),
          },
          abuse,
        ],
  };
  return {
    rdapConformance: ['rdap_level_0', 'cidr0'],
    objectClassName: 'ip network',
    handle: options.handle,
    startAddress: options.start,
    endAddress: options.end,
    ipVersion: options.start.includes(':') ? 'v6' : 'v4',
    name: options.name,
    type: 'ASSIGNED PA',
    ...(options.country ? { country: options.country } : {}),
    entities: options.abuseAtTop ? [registrant, abuse] : [registrant],
  };
}

/** The invented French host of 192.0.2.0/24 (a documentation range) that most tests place URLs at. */
export function exampleHostNetwork(abuseEmail = 'abuse@hebergement.example.net', country = 'FR') {
  return rdapNetwork({ handle: 'NET-192-0-2-0-1', start: '192.0.2.0', end: '192.0.2.255', name: 'EXEMPLE-HEB', country, abuseEmail });
}
