import type { ItemsContent } from './checks.js';
import type { Sealer } from './ports.js';
import type { OnlineIdentifier, ReportContent } from './report-v1.js';

/**
 * The keys on which reports are cross-matched. Personal values (URLs, e-mails, phones,
 * accounts, profile URLs) become keyed blind indexes, so that two reports naming the same
 * account meet without the account being stored in clear; media hashes are used as they
 * are. The same purpose is used wherever a value appears (an item, a reported person), so
 * that they match each other.
 */
export const matchKinds = ['url', 'email', 'phone', 'account', 'profile_url', 'md5', 'sha1', 'sha256'] as const;
/** Added after intake by the URL analysis (src/urls), as blind indexes: see url-analysis.ts. */
export const analysedUrlKinds = ['canonical_url', 'domain_path'] as const;
export type MatchKind = (typeof matchKinds)[number];

export interface MatchKey {
  kind: MatchKind;
  value: string;
}

/** The form two URLs must share to match: WHATWG-serialised (host lower case, default port dropped). */
export function canonicalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** Host of a web URL, lower case, or null. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

function identifierKeys(sealer: Sealer, identifier: OnlineIdentifier): MatchKey[] {
  const keys: MatchKey[] = [];
  const blind = (kind: MatchKind, value: string) => keys.push({ kind, value: sealer.blindIndex(value, `reports.match.${kind}`) });
  if (identifier.email !== undefined) blind('email', identifier.email);
  if (identifier.phone !== undefined) blind('phone', identifier.phone);
  if (identifier.username !== undefined) blind('account', `${identifier.platform ?? ''}\n${identifier.username.replace(/^@/, '')}`);
  if (identifier.profileUrl !== undefined) blind('profile_url', canonicalUrl(identifier.profileUrl));
  return keys;
}

export function matchKeysOf(sealer: Sealer, content: ItemsContent & Pick<ReportContent, 'reportedPersons'>): MatchKey[] {
  const keys: MatchKey[] = [];
  const url = (value: string) => keys.push({ kind: 'url', value: sealer.blindIndex(canonicalUrl(value), 'reports.match.url') });
  content.urls?.forEach(url);
  for (const media of content.media ?? []) {
    for (const kind of ['md5', 'sha1', 'sha256'] as const) {
      const hash = media.hashes?.[kind];
      if (hash !== undefined) keys.push({ kind, value: hash.toLowerCase() });
    }
    if (media.url !== undefined) url(media.url);
  }
  for (const identifier of content.onlineIdentifiers ?? []) keys.push(...identifierKeys(sealer, identifier));
  for (const person of content.reportedPersons ?? []) {
    for (const identifier of person.onlineIdentifiers ?? []) keys.push(...identifierKeys(sealer, identifier));
  }
  const unique = new Map(keys.map((key) => [`${key.kind}:${key.value}`, key]));
  return [...unique.values()];
}
