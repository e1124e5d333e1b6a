import type { Kysely, Selectable } from 'kysely';
import type { ReportMediaMatchesTable } from './media-tables.js';
import type { MediaDetail } from './media-views.js';
import type { ReportTables } from './tables.js';

/**
 * What staff see of a report's media without personal data: hashes, type, whether the
 * detection has run, the bank entries each item matched (bank, distance, classification),
 * the matches a false-positive bank set aside and by which entry, and whether the bytes
 * are in the quarantine.
 */
const hashKinds = ['md5', 'sha1', 'sha256', 'pdq'] as const;
const strength = { sha256: 0, sha1: 1, md5: 2, pdq: 3 } as const;

function bankRef(row: Selectable<ReportMediaMatchesTable>) {
  return { bankId: row.bank_id, bankName: row.bank_name, bankPurpose: row.bank_purpose, entryId: row.entry_id };
}

function matchView(row: Selectable<ReportMediaMatchesTable>) {
  return {
    ...bankRef(row),
    kind: row.kind,
    distance: row.distance,
    classification: { legalStatus: row.legal_status, industryCategory: row.industry_category, ageGroup: row.age_group },
    matchedAt: new Date(row.matched_at).toISOString(),
  };
}

const byStrength = (a: Selectable<ReportMediaMatchesTable>, b: Selectable<ReportMediaMatchesTable>) =>
  strength[a.kind] - strength[b.kind] || a.distance - b.distance || Number(a.entry_id) - Number(b.entry_id);

export async function mediaDetailsOf(db: Kysely<ReportTables>, reportId: string): Promise<MediaDetail[]> {
  const [items, matches, quarantined] = await Promise.all([
    db
      .selectFrom('report_items')
      .select(['id', 'md5', 'sha1', 'sha256', 'pdq', 'pdq_quality', 'media_type', 'matched_at'])
      .where('report_id', '=', reportId)
      .where('kind', '=', 'media')
      .orderBy('addition_id', (ob) => ob.nullsFirst())
      .orderBy('position')
      .execute(),
    db.selectFrom('report_media_matches').selectAll().where('report_id', '=', reportId).execute(),
    db.selectFrom('report_media_quarantine').select('item_id').where('report_id', '=', reportId).execute(),
  ]);
  const held = new Set(quarantined.map((row) => row.item_id));
  return items.map((item) => {
    const own = matches.filter((match) => match.item_id === item.id).sort(byStrength);
    const falsePositives = own.filter((match) => match.bank_purpose === 'false_positive');
    return {
      id: item.id,
      hashes: Object.fromEntries(hashKinds.flatMap((kind) => (item[kind] === null ? [] : [[kind, item[kind]]]))),
      pdqQuality: item.pdq_quality,
      mediaType: item.media_type,
      matchedAt: item.matched_at ? new Date(item.matched_at).toISOString() : null,
      matches: own.filter((match) => !match.suppressed && match.bank_purpose !== 'false_positive').map(matchView),
      suppressed: own
        .filter((match) => match.suppressed)
        .map((match) => ({
          ...matchView(match),
          suppressedBy: falsePositives.filter((fp) => match.suppressed_by.includes(fp.entry_id)).map(bankRef),
        })),
      quarantined: held.has(item.id),
    };
  });
}
