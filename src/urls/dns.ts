import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

/** How a host's lookup ended. `ip_literal`: the URL named an address, used as it is. */
export const dnsOutcomes = ['resolved', 'ip_literal', 'nxdomain', 'no_address', 'timeout', 'error'] as const;
export type DnsOutcome = (typeof dnsOutcomes)[number];

export interface HostAddresses {
  outcome: DnsOutcome;
  /** IPv4 addresses first, then IPv6, each in the resolver's order, without repeats. */
  addresses: string[];
  /** The resolver's error codes (`ETIMEOUT`, `ESERVFAIL`…) per record type, when a type failed. */
  errors: { type: 'A' | 'AAAA'; code: string }[];
}

export interface HostResolverOptions {
  /** `host:port` or `[v6]:port` servers; empty: the system's (/etc/resolv.conf). */
  servers: readonly string[];
  /** The longest a host's lookup may take, both record types together. */
  timeoutMs: number;
}

export type HostResolver = (host: string) => Promise<HostAddresses>;

const codeOf = (error: unknown) =>
  (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'ERROR').toUpperCase();

function outcomeOf(addresses: string[], errors: HostAddresses['errors']): DnsOutcome {
  if (addresses.length > 0) return 'resolved';
  const codes = errors.map((error) => error.code);
  if (codes.includes('ENOTFOUND')) return 'nxdomain';
  if (codes.every((code) => code === 'ENODATA')) return 'no_address';
  if (codes.includes('ETIMEOUT') || codes.includes('ECANCELLED')) return 'timeout';
  return 'error';
}

/**
 * Looks up the A and AAAA records of a host through the configured servers. Never throws:
 * NXDOMAIN, an answer without address, a timeout or a server failure come back as an
 * outcome, so that one bad host never fails the job. An IP literal is returned as it is.
 */
export function createHostResolver(options: HostResolverOptions): HostResolver {
  const servers = [...options.servers];
  return async (host) => {
    if (isIP(host) !== 0) return { outcome: 'ip_literal', addresses: [host], errors: [] };
    // One resolver per host: cancel() on the deadline stops this host's queries only.
    const resolver = new Resolver({ timeout: Math.max(100, Math.floor(options.timeoutMs / 2)), tries: 2 });
    if (servers.length > 0) resolver.setServers(servers);
    const errors: HostAddresses['errors'] = [];
    const lookup = async (type: 'A' | 'AAAA') => {
      try {
        return type === 'A' ? await resolver.resolve4(host) : await resolver.resolve6(host);
      } catch (error) {
        errors.push({ type, code: codeOf(error) });
        return [];
      }
    };
    const deadline = setTimeout(() => resolver.cancel(), options.timeoutMs);
    try {
      const [v4, v6] = await Promise.all([lookup('A'), lookup('AAAA')]);
      const addresses = [...new Set([...v4, ...v6])];
      return { outcome: outcomeOf(addresses, errors), addresses, errors: errors.sort((a, b) => a.type.localeCompare(b.type)) };
    } finally {
      clearTimeout(deadline);
    }
  };
}

/** `VIGIE_DNS_SERVERS`: addresses with an optional port, separated by commas. */
export function parseDnsServers(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((server) => server.trim())
    .filter((server) => server !== '');
}
