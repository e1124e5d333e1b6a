/**
 * Percent-encoding normalised where it cannot change what a server receives (RFC 3986
 * §6.2.2): an escaped unreserved character is decoded (`%7E` → `~`, `%41` → `A`), the hex
 * digits of every other escape are upper-cased (`%2f` → `%2F`), and a printable character
 * that RFC 3986 never allows raw (`"` `<` `>` `[` `\` `]` `^` `` ` `` `{` `|` `}` space) is
 * escaped, as any conforming client would send it. Escaped reserved characters (`%2F`,
 * `%3F`, `%26`…) stay escaped: decoding them would change the meaning.
 */

const unreserved = /^[A-Za-z0-9\-._~]$/;
const mustEscape = new Set(['"', '<', '>', '[', '\\', ']', '^', '`', '{', '|', '}', ' ']);
const isHex = (ch: string | undefined) => ch !== undefined && /^[0-9A-Fa-f]$/.test(ch);

function escapeChar(ch: string): string {
  return [...new TextEncoder().encode(ch)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

export function normaliseEscapes(part: string): string {
  let out = '';
  for (let i = 0; i < part.length; i += 1) {
    const ch = part[i]!;
    if (ch === '%' && isHex(part[i + 1]) && isHex(part[i + 2])) {
      const hex = part.slice(i + 1, i + 3).toUpperCase();
      const decoded = String.fromCharCode(Number.parseInt(hex, 16));
      out += unreserved.test(decoded) ? decoded : `%${hex}`;
      i += 2;
    } else if (mustEscape.has(ch) || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) > 0x7e) {
      // WHATWG parsing has already escaped controls and non-ASCII; this is a safety net for surrogate pairs.
      const codePoint = part.codePointAt(i)!;
      const whole = String.fromCodePoint(codePoint);
      out += escapeChar(whole);
      i += whole.length - 1;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The decoded text of a query parameter's name (`+` is a space), or the name itself if it does not decode. */
export function decodeQueryName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
