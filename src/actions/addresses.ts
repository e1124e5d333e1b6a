import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 bits for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** A block of addresses: `base/prefix`, the base's bits past the prefix are zero. */
export interface AddressRange {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

const bitsOf = (family: 4 | 6) => (family === 4 ? 32 : 128);

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint {
  let hex = text;
  if (text.includes('.')) {
    // The last 32 bits written as an IPv4 address (`::ffff:192.0.2.1`): as two groups.
    const lastColon = text.lastIndexOf(':');
    const v4 = ipv4Value(text.slice(lastColon + 1));
    hex = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = hex.split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((group) => BigInt(`0x${group}`)));
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const all = tail === undefined ? before : [...before, ...Array<bigint>(8 - before.length - after.length).fill(0n), ...after];
  return all.reduce((value, group) => (value << 16n) | group, 0n);
}

/**
 * Reads an address as written in a DNS answer or a URL's host (without brackets). An IPv6
 * address with a zone (`fe80::1%eth0`) is not read: no answer or URL carries one.
 */
export function parseIpAddress(text: string): IpAddress | null {
  if (isIPv4(text)) return { family: 4, value: ipv4Value(text) };
  if (isIPv6(text) && !text.includes('%')) return { family: 6, value: ipv6Value(text) };
  return null;
}

/** `192.0.2.0/24`, `2001:db8::/32`; a bare address is a block of one. Null when it is not one. */
export function parseAddressRange(text: string): AddressRange | null {
  const [address, prefixText, extra] = text.trim().split('/');
  if (address === undefined || extra !== undefined) return null;
  const parsed = parseIpAddress(address);
  if (!parsed) return null;
  const bits = bitsOf(parsed.family);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  const hostBits = BigInt(bits - prefix);
  return { family: parsed.family, base: (parsed.value >> hostBits) << hostBits, prefix };
}

/** Like `parseAddressRange`, for ranges written in code: throws on a typo. */
export function range(text: string): AddressRange {
  const parsed = parseAddressRange(text);
  if (!parsed) throw new Error(`Not an address range: ${text}`);
  return parsed;
}

export function rangeContains(block: AddressRange, address: IpAddress): boolean {
  if (block.family !== address.family) return false;
  const hostBits = BigInt(bitsOf(block.family) - block.prefix);
  return address.value >> hostBits === block.base >> hostBits;
}
