/**
 * IP addresses as numbers, for the range tables: an IPv4 address as an unsigned 32-bit
 * integer, an IPv6 address as four unsigned 32-bit words, most significant first. Written
 * by hand, as they read the million addresses of the dataset: the checks of `node:net`
 * (a long regular expression) took half of the loading time.
 */

export function parseIPv4(text: string): number | null {
  return parseIPv4Range(text, 0, text.length);
}

/** The IPv4 address written in text[from, to), dotted decimal without leading zeros; null if it is not one. */
function parseIPv4Range(text: string, from: number, to: number): number | null {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = from; i <= to; i += 1) {
    const code = i === to ? 0x2e : text.charCodeAt(i);
    if (code === 0x2e) {
      if (digits === 0 || parts === 4) return null;
      value = value * 256 + part;
      parts += 1;
      part = 0;
      digits = 0;
    } else if (code >= 0x30 && code <= 0x39) {
      if (digits > 0 && part === 0) return null;
      part = part * 10 + code - 0x30;
      digits += 1;
      if (part > 255) return null;
    } else return null;
  }
  return parts === 4 ? value >>> 0 : null;
}

const hexValue = (code: number) =>
  code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x61 && code <= 0x66 ? code - 0x57 : code >= 0x41 && code <= 0x46 ? code - 0x37 : -1;

/**
 * Writes the four words of an IPv6 address at `offset` of `into`; false if it is not one
 * (RFC 4291 text: groups of 1–4 hex digits, at most one `::`, an IPv4 address at the end;
 * no zone id, no prefix length).
 */
export function parseIPv6Into(text: string, into: Uint32Array, offset: number): boolean {
  const groups: number[] = [];
  let gap = -1;
  let i = 0;
  const end = text.length;
  if (text.startsWith('::')) {
    gap = 0;
    i = 2;
  } else if (text.startsWith(':')) return false;
  while (i < end) {
    let j = i;
    let group = 0;
    while (j < end && j - i < 5) {
      const digit = hexValue(text.charCodeAt(j));
      if (digit < 0) break;
      group = group * 16 + digit;
      j += 1;
    }
    if (j < end && text.charCodeAt(j) === 0x2e) {
      // The last 32 bits written as an IPv4 address.
      const v4 = parseIPv4Range(text, i, end);
      if (v4 === null || groups.length > 6) return false;
      groups.push(v4 >>> 16, v4 & 0xffff);
      i = end;
      break;
    }
    if (j === i || j - i > 4) return false;
    groups.push(group);
    if (j === end) {
      i = end;
      break;
    }
    if (text.charCodeAt(j) !== 0x3a) return false;
    if (text.charCodeAt(j + 1) === 0x3a) {
      if (gap !== -1) return false;
      gap = groups.length;
      i = j + 2;
    } else {
      if (j + 1 === end) return false;
      i = j + 1;
    }
  }
  if (gap === -1 ? groups.length !== 8 : groups.length > 7) return false;
  const full = gap === -1 ? groups : [...groups.slice(0, gap), ...Array<number>(8 - groups.length).fill(0), ...groups.slice(gap)];
  for (let word = 0; word < 4; word += 1) into[offset + word] = ((full[word * 2]! << 16) | full[word * 2 + 1]!) >>> 0;
  return true;
}

export function parseIPv6(text: string): Uint32Array | null {
  const words = new Uint32Array(4);
  return parseIPv6Into(text, words, 0) ? words : null;
}

/** -1, 0 or 1: the IPv6 address at `offset` of `a` against the one at `offsetB` of `b`. */
export function compareIPv6(a: Uint32Array, offset: number, b: Uint32Array, offsetB: number): number {
  for (let word = 0; word < 4; word += 1) {
    const x = a[offset + word]!;
    const y = b[offsetB + word]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** An IPv4-mapped IPv6 address (::ffff:192.0.2.1) is looked up as the IPv4 address it carries. */
export function mappedIPv4(words: Uint32Array): number | null {
  return words[0] === 0 && words[1] === 0 && words[2] === 0xffff ? words[3]! : null;
}
