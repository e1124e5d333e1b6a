import type { ItemsContent } from './checks.js';
import { accountForm, emailForm, phoneForm, profileUrlForm } from './identifiers.js';
import { identityForms, referenceYearOf } from './identity.js';
import type { Sealer } from './ports.js';
import type { OnlineIdentifier, ReportContent } from './report-v1.js';

/**
 * The keys on which reports are cross-matched, written at intake. Personal values (URLs,
 * e-mails, phones, accounts, profile URLs, a reported person's identity) become keyed blind
 * indexes (`reports.match.<kind>`), so that two reports naming the same account meet
 * without the account being stored in clear; media hashes are used as they are. The same
 * purpose is used wherever a value appears (an item, a reported person), so that they
 * match each other. The forms compared are in identifiers.ts and identity.ts.
 */
export const matchKinds = ['url', 'email', 'phone', 'account', 'profile_url', 'identity', 'md5', 'sha1', 'sha256'] as const;
/** Added after intake by the URL analysis (src/urls), as blind indexes: see url-analysis.ts. */
export const analysedUrlKinds = ['canonical_url', 'domain_path'] as const;
/** Every reason a link may record: a shared key, or media within the PDQ distance (pdq-links.ts). */
export const linkReasons = [...matchKinds, ...analysedUrlKinds, 'pdq'] as const;
export type MatchKind = (typeof matchKinds)[number];
export type LinkReason = (typeof linkReasons)[number];

export interface MatchKey {
  kind: MatchKind;
  value: string;
}

/** Host of a web URL, lower case, or null. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * A URL as written, WHATWG-serialised (scheme and host lower case, default port dropped),
 * without its fragment, which never reaches the server. The path's case is kept: the key is
 * taken over the form's UTF-8 in hexadecimal, since a blind index lower-cases its input.
 * The URL analysis adds the finer `canonical_url` and the coarser `domain_path` later.
 */
export function urlForm(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return Buffer.from(parsed.href).toString('hex');
  } catch {
    return Buffer.from(url).toString('hex');
  }
}

function identifierKeys(sealer: Sealer, identifier: OnlineIdentifier): MatchKey[] {
  const keys: MatchKey[] = [];
  const blind = (kind: MatchKind, value: string | null) => {
    if (value !== null) keys.push({ kind, value: sealer.blindIndex(value, `reports.match.${kind}`) });
  };
  if (identifier.email !== undefined) blind('email', emailForm(identifier.email));
  if (identifier.phone !== undefined) blind('phone', phoneForm(identifier.phone));
  if (identifier.username !== undefined) blind('account', accountForm(identifier.platform, identifier.username));
  if (identifier.profileUrl !== undefined) blind('profile_url', profileUrlForm(identifier.profileUrl));
  return keys;
}

/** What keys are made of: a report's (or an addition's) items, its reported persons and the date they are about. */
export type KeyedContent = ItemsContent & Partial<Pick<ReportContent, 'reportedPersons' | 'occurredAt'>>;

export function matchKeysOf(sealer: Sealer, content: KeyedContent, receivedAt: Date): MatchKey[] {
  const keys: MatchKey[] = [];
  const url = (value: string) => keys.push({ kind: 'url', value: sealer.blindIndex(urlForm(value), 'reports.match.url') });
  content.urls?.forEach(url);
  for (const media of content.media ?? []) {
    for (const kind of ['md5', 'sha1', 'sha256'] as const) {
      const hash = media.hashes?.[kind];
      if (hash !== undefined) keys.push({ kind, value: hash.toLowerCase() });
    }
    if (media.url !== undefined) url(media.url);
  }
  for (const identifier of content.onlineIdentifiers ?? []) keys.push(...identifierKeys(sealer, identifier));
  const year = referenceYearOf(content.occurredAt, receivedAt);
  for (const person of content.reportedPersons ?? []) {
    for (const identifier of person.onlineIdentifiers ?? []) keys.push(...identifierKeys(sealer, identifier));
    for (const form of identityForms(person, year))
      keys.push({ kind: 'identity', value: sealer.blindIndex(form, 'reports.match.identity') });
  }
  const unique = new Map(keys.map((key) => [`${key.kind}:${key.value}`, key]));
  return [...unique.values()];
}
