import { domainToASCII } from 'node:url';
import { getDomainWithoutSuffix } from 'tldts';

/**
 * The forms in which two reports' online identifiers must agree to be linked. Each is then
 * turned into a keyed blind index (match-keys.ts), which also applies Unicode NFKC, trims
 * and lower-cases; what is here is what that does not cover. Every rule is a choice between
 * missing a link and making a false one, documented in the README ("Match keys").
 */

const fold = (value: string) => value.normalize('NFKC').trim().toLowerCase();

/** Providers that ignore dots in the local part, and the domain they answer for. */
const dotlessMailDomains: Readonly<Record<string, string>> = { 'gmail.com': 'gmail.com', 'googlemail.com': 'gmail.com' };

/**
 * An e-mail address: trimmed and lower-cased; the domain without a trailing dot and in
 * punycode; the sub-address dropped (`name+tag@` is `name@`, RFC 5233: one mailbox behind
 * many sign-ups); dots ignored where the provider ignores them (Gmail).
 */
export function emailForm(email: string): string {
  const folded = fold(email);
  const at = folded.lastIndexOf('@');
  if (at <= 0) return folded;
  let local = folded.slice(0, at);
  const rawDomain = folded.slice(at + 1).replace(/\.$/, '');
  let domain = domainToASCII(rawDomain) || rawDomain;
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  const dotless = dotlessMailDomains[domain];
  if (dotless !== undefined) {
    local = local.replaceAll('.', '');
    domain = dotless;
  }
  return `${local}@${domain}`;
}

/** A telephone number in E.164 (`+` and digits): separators dropped, an international `00` read as `+`. */
export function phoneForm(phone: string): string {
  const compact = fold(phone).replace(/[\s().-]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

/**
 * A platform's name: case, spaces and punctuation ignored (`Example Game`, `example-game`,
 * `ExampleGame`), and a platform given as its site named by its registrable name
 * (`www.examplegame.example`, `m.examplegame.example` → `examplegame`).
 */
export function platformForm(platform: string): string {
  let name = fold(platform);
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/.test(name)) name = getDomainWithoutSuffix(name.replace(/\.$/, '')) ?? name;
  return name.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * An account: the platform and the user name, case ignored, without the leading `@`. A
 * user name without a platform names no account (a bare `alex93` on some platform or other
 * would link strangers), so it gives no key; nor does an empty one.
 */
export function accountForm(platform: string | undefined, username: string): string | null {
  const user = fold(username).replace(/^@+/, '').trim();
  const site = platform === undefined ? '' : platformForm(platform);
  if (user === '' || site === '') return null;
  return `${site}\n${user}`;
}

/** Query parameters that only say how a profile link was shared, never which profile. */
const shareParameter = (name: string) => name.startsWith('utm_') || ['fbclid', 'igshid', 'igsh'].includes(name);
/** Host prefixes that serve the same profiles as the bare site. */
const mirrorPrefix = /^(www|m|mobile)\./;

/**
 * A profile URL: scheme, port, fragment and sharing parameters ignored; the host lower case
 * without `www.`, `m.` or `mobile.` and without a trailing dot; the path without trailing
 * slashes; the remaining parameters (`profile.php?id=…` names the profile) sorted. Case is
 * ignored throughout, the path's included: platforms treat user names in profile paths
 * without regard to case. Not a URL: the text itself.
 */
export function profileUrlForm(profileUrl: string): string {
  let url: URL;
  try {
    url = new URL(profileUrl.trim());
  } catch {
    return fold(profileUrl);
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '').replace(mirrorPrefix, '');
  const path = url.pathname.replace(/\/+$/, '');
  const kept = [...url.searchParams].filter(([name]) => !shareParameter(name.toLowerCase()));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  return fold(`${host}${path}${query}`);
}
