import type { BankMatch, MediaMatchResult, Suppression } from './types.js';

/** Exact hashes first (distance 0), then by PDQ distance, then by entry id. */
export function byStrength(a: BankMatch, b: BankMatch): number {
  const exact = Number(b.kind !== 'pdq') - Number(a.kind !== 'pdq');
  return exact || a.distance - b.distance || Number(BigInt(a.entryId) - BigInt(b.entryId));
}

/**
 * Whether a hit in a false-positive bank sets a match aside: when the query is at least as
 * close to the false positive as to the match. An exact false-positive hit (the very file
 * known to be harmless) sets everything aside; a PDQ hit sets aside the PDQ matches at the
 * same or a greater distance, but never an exact match of known content: a byte-identical
 * copy of known content is not waved through because it also looks like a harmless image.
 */
export function suppresses(falsePositive: BankMatch, match: BankMatch): boolean {
  if (falsePositive.kind !== 'pdq') return true;
  return match.kind === 'pdq' && falsePositive.distance <= match.distance;
}

/** Splits a query's hits into the matches that stand and those set aside by false-positive hits. */
export function applySuppression(hits: readonly BankMatch[], pdqChecked: boolean): MediaMatchResult {
  const negatives = hits.filter((hit) => hit.purpose === 'false_positive').sort(byStrength);
  const matches: BankMatch[] = [];
  const suppressed: BankMatch[] = [];
  const suppressions: Suppression[] = [];
  for (const hit of [...hits].sort(byStrength)) {
    if (hit.purpose === 'false_positive') continue;
    const by = negatives.filter((negative) => suppresses(negative, hit)).map((negative) => negative.entryId);
    if (by.length === 0) matches.push(hit);
    else {
      suppressed.push(hit);
      suppressions.push({ entryId: hit.entryId, by });
    }
  }
  return { matches, suppressed, suppressedBy: negatives, suppressions, pdqChecked };
}
