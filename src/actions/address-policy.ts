import { parseAddressRange, parseIpAddress, range, rangeContains, type AddressRange, type IpAddress } from './addresses.js';

/**
 * Where the removal checker may connect. It fetches addresses that people report, so a
 * reported URL must never make it reach the deployment's own network: every address in
 * the IANA special-purpose registries that is not globally reachable, multicast and the
 * reserved space are refused (README, "Refused addresses"), unless a deployment allows a
 * range explicitly (VIGIE_FETCH_ALLOW).
 */
export interface SpecialRange {
  /** A stable name, recorded with a refusal. */
  name: string;
  block: AddressRange;
}

const special = (name: string, ...blocks: string[]): SpecialRange[] => blocks.map((block) => ({ name, block: range(block) }));

/** Refused IPv4 blocks, narrowest names first where they overlap. */
export const refusedIpv4: readonly SpecialRange[] = [
  ...special('this-network', '0.0.0.0/8'),
  ...special('private', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'),
  ...special('shared-cgnat', '100.64.0.0/10'),
  ...special('loopback', '127.0.0.0/8'),
  ...special('link-local', '169.254.0.0/16'),
  ...special('ietf-protocol-assignments', '192.0.0.0/24'),
  ...special('documentation', '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'),
  ...special('6to4-relay-anycast', '192.88.99.0/24'),
  ...special('benchmarking', '198.18.0.0/15'),
  ...special('multicast', '224.0.0.0/4'),
  ...special('broadcast', '255.255.255.255/32'),
  ...special('reserved', '240.0.0.0/4'),
];

/** Refused IPv6 blocks. Everything outside 2000::/3 (global unicast) is refused as well, as `reserved`. */
export const refusedIpv6: readonly SpecialRange[] = [
  ...special('unspecified', '::/128'),
  ...special('loopback', '::1/128'),
  ...special('ipv4-compatible', '::/96'),
  ...special('nat64-local-use', '64:ff9b:1::/48'),
  ...special('discard-only', '100::/64'),
  ...special('teredo', '2001::/32'),
  ...special('documentation', '2001:db8::/32', '3fff::/20'),
  ...special('ietf-protocol-assignments', '2001::/23'),
  ...special('unique-local', 'fc00::/7'),
  ...special('link-local', 'fe80::/10'),
  ...special('site-local', 'fec0::/10'),
  ...special('multicast', 'ff00::/8'),
];

const globalUnicast = range('2000::/3');

/**
 * IPv6 forms that carry an IPv4 address, judged by the address they carry: IPv4-mapped
 * (the socket connects to the IPv4 address itself), the NAT64 well-known prefix (a
 * gateway translates to it) and 6to4 (a 6to4 interface tunnels to it).
 */
const embeddingForms: readonly { block: AddressRange; shift: bigint }[] = [
  { block: range('::ffff:0:0/96'), shift: 0n },
  { block: range('64:ff9b::/96'), shift: 0n },
  { block: range('2002::/16'), shift: 80n },
];

function embeddedIpv4(address: IpAddress): IpAddress | null {
  if (address.family !== 6) return null;
  const form = embeddingForms.find(({ block }) => rangeContains(block, address));
  return form ? { family: 4, value: (address.value >> form.shift) & 0xffffffffn } : null;
}

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

const allowed: AddressVerdict = { allowed: true };

/** Judges one address; `allow` lists the ranges a deployment lets through despite the rules. */
export function judgeAddress(text: string, allow: readonly AddressRange[]): AddressVerdict {
  const address = parseIpAddress(text);
  if (!address) return { allowed: false, range: 'unreadable' };
  return judge(address, allow);
}

function judge(address: IpAddress, allow: readonly AddressRange[]): AddressVerdict {
  if (allow.some((block) => rangeContains(block, address))) return allowed;
  const embedded = embeddedIpv4(address);
  if (embedded) return judge(embedded, allow);
  const list = address.family === 4 ? refusedIpv4 : refusedIpv6;
  const refusal = list.find(({ block }) => rangeContains(block, address));
  if (refusal) return { allowed: false, range: refusal.name };
  if (address.family === 6 && !rangeContains(globalUnicast, address)) return { allowed: false, range: 'reserved' };
  return allowed;
}

/** VIGIE_FETCH_ALLOW: ranges separated by commas (`127.0.0.1/32, ::1`). Throws on one that is not a range. */
export function parseAllowList(text: string): AddressRange[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const block = parseAddressRange(part);
      if (!block) throw new Error(`VIGIE_FETCH_ALLOW: "${part}" is not an address or a range (192.0.2.0/24, 2001:db8::/32)`);
      return block;
    });
}
