import type { Insertable, Transaction } from 'kysely';
import type { ReportContext } from './context.js';
import type { BankMatch, MediaMatchOutcome, MediaQuery } from './media-ports.js';
import type { ReportMediaMatchesTable } from './media-tables.js';
import { ageGroups, priorityOf, youngestAgeGroup, type AgeGroup } from './model.js';
import type { Category } from './categories.js';
import type { ReportTables } from './tables.js';

type MatchRow = Insertable<ReportMediaMatchesTable>;

/** A media item not yet matched, and its hashes. */
interface PendingItem {
  id: string;
  report_id: string;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdq_quality: number | null;
}

function queryOf(item: PendingItem): MediaQuery {
  return {
    ...(item.pdq !== null ? { pdq: item.pdq } : {}),
    ...(item.pdq !== null && item.pdq_quality !== null ? { pdqQuality: item.pdq_quality } : {}),
    ...(item.md5 !== null ? { md5: item.md5 } : {}),
    ...(item.sha1 !== null ? { sha1: item.sha1 } : {}),
    ...(item.sha256 !== null ? { sha256: item.sha256 } : {}),
  };
}

/** The rows of one item's outcome: standing matches, suppressed ones (and by what), and the false-positive hits. */
function rowsOf(item: PendingItem, outcome: MediaMatchOutcome, at: Date): MatchRow[] {
  const row = (match: BankMatch, suppressedBy: string[] | null): MatchRow => ({
    report_id: item.report_id,
    item_id: item.id,
    bank_id: match.bankId,
    bank_name: match.bankName,
    bank_purpose: match.purpose,
    entry_id: match.entryId,
    kind: match.kind,
    distance: match.distance,
    legal_status: match.classification.legalStatus,
    industry_category: match.classification.industryCategory,
    age_group: match.classification.ageGroup,
    suppressed: suppressedBy !== null,
    suppressed_by: suppressedBy ?? [],
    matched_at: at,
  });
  const allFalsePositives = outcome.suppressedBy.map((hit) => hit.entryId);
  const byWhat = (entryId: string) => outcome.suppressions?.find((s) => s.entryId === entryId)?.by ?? allFalsePositives;
  const rows = [
    ...outcome.matches.map((match) => row(match, null)),
    ...outcome.suppressed.map((match) => row(match, byWhat(match.entryId))),
    ...outcome.suppressedBy.map((hit) => row(hit, null)),
  ];
  return [...new Map(rows.map((r) => [r.entry_id, r])).values()];
}

/** A standing match of known illegal content: not set aside, not in a false-positive bank, not classified as legal. */
export function isKnownContent(match: Pick<MatchRow, 'suppressed' | 'bank_purpose' | 'legal_status'>): boolean {
  return !match.suppressed && match.bank_purpose !== 'false_positive' && match.legal_status !== 'not_illegal';
}

const asAgeGroup = (value: string | null | undefined): AgeGroup | null =>
  (ageGroups as readonly string[]).includes(value ?? '') ? (value as AgeGroup) : null;

/** Recomputes a report's known-content flag, youngest age group and priority from what is stored. */
async function reprioritise(trx: Transaction<ReportTables>, reportId: string): Promise<void> {
  const report = await trx
    .selectFrom('reports')
    .select(['urgent', 'category', 'age_group', 'known_content'])
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
  if (!report) return;
  const matches = await trx
    .selectFrom('report_media_matches')
    .select(['suppressed', 'bank_purpose', 'legal_status', 'age_group'])
    .where('report_id', '=', reportId)
    .execute();
  const known = matches.filter(isKnownContent);
  const knownContent = report.known_content || known.length > 0;
  const ageGroup = youngestAgeGroup([asAgeGroup(report.age_group), ...known.map((match) => asAgeGroup(match.age_group))]);
  const priority = priorityOf({ urgent: report.urgent, knownContent, category: report.category as Category, ageGroup });
  await trx.updateTable('reports').set({ known_content: knownContent, age_group: ageGroup, priority }).where('id', '=', reportId).execute();
}

/**
 * The detection job: matches every media item of these reports not matched yet against the
 * hash banks (the injected matcher), stores each match on the report (bank, entry, kind,
 * distance, classification; suppressed, and by which false-positive entries), marks the
 * items matched and raises the reports' priority, in one transaction per run. Idempotent: a
 * run again finds the items matched, and a match is stored once (item, entry).
 */
export async function detectMedia(ctx: ReportContext, reportIds: readonly string[]): Promise<{ items: number; matches: number }> {
  const matcher = ctx.media?.matcher;
  if (!matcher || reportIds.length === 0) return { items: 0, matches: 0 };
  const items = await ctx.db
    .selectFrom('report_items')
    .select(['id', 'report_id', 'md5', 'sha1', 'sha256', 'pdq', 'pdq_quality'])
    .where('report_id', 'in', [...reportIds])
    .where('kind', '=', 'media')
    .where('matched_at', 'is', null)
    .execute();
  if (items.length === 0) return { items: 0, matches: 0 };
  const outcomes = await matcher.match(items.map(queryOf));
  const at = ctx.now();
  const rows = items.flatMap((item, i) => rowsOf(item, outcomes[i] ?? { matches: [], suppressed: [], suppressedBy: [] }, at));
  return ctx.change(async (trx, tools) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('report_media_matches')
        .values(rows.slice(i, i + 1000))
        .onConflict((conflict) => conflict.columns(['item_id', 'entry_id']).doNothing())
        .execute();
    }
    await trx
      .updateTable('report_items')
      .set({ matched_at: at })
      .where(
        'id',
        'in',
        items.map((item) => item.id),
      )
      .where('matched_at', 'is', null)
      .execute();
    for (const reportId of new Set(items.map((item) => item.report_id))) {
      const own = rows.filter((row) => row.report_id === reportId);
      await reprioritise(trx, reportId);
      if (own.length === 0) continue;
      await tools.audit(
        { actorType: 'system', actorId: null },
        {
          action: 'report.media-matched',
          subjectType: 'report',
          subjectId: reportId,
          detail: {
            matches: own.filter(isKnownContent).length,
            suppressed: own.filter((row) => row.suppressed).length,
            falsePositives: own.filter((row) => row.bank_purpose === 'false_positive').length,
          },
        },
      );
    }
    return { items: items.length, matches: rows.length };
  });
}
