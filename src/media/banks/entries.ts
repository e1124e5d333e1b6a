import { sql } from 'kysely';
import { Problem, fieldProblem, type FieldProblem } from '../../platform/http/index.js';
import { requireBank } from './banks.js';
import type { BankContext } from './context.js';
import type { EntryChange, EntryFilter, EntryPage, EntryView, NewEntry } from './contracts.js';
import { checkEntry, type FieldError } from './entry-check.js';
import { entryViewOf, writeEntries } from './entry-rows.js';
import { defaultLegalStatus } from './model.js';
import type { Actor } from './ports.js';

function asProblem(errors: readonly FieldError[]): Problem {
  const fields: FieldProblem[] = errors.map((error) => fieldProblem(error.field === 'hashes' ? '' : `/${error.field}`, error.code));
  return new Problem('validation', { fields });
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Adds one entry to a bank; it is matched from the next lookup on, in every process. */
export async function addEntry(ctx: BankContext, actor: Actor, bankId: string, input: NewEntry): Promise<EntryView> {
  const bank = await requireBank(ctx, bankId);
  const checked = checkEntry(input, {
    classification: { legalStatus: defaultLegalStatus(bank.purpose), industryCategory: null, ageGroup: null },
    source: bank.source,
    date: today(ctx.now()),
  });
  if (!checked.ok) throw asProblem(checked.errors);
  const { entry } = checked;
  return ctx.change(async (trx, tools) => {
    if (entry.reference !== null) {
      const taken = await trx
        .selectFrom('hash_bank_entries')
        .select('id')
        .where('bank_id', '=', bankId)
        .where('reference', '=', entry.reference)
        .executeTakeFirst();
      if (taken) throw new Problem('conflict', { fields: [fieldProblem('/reference', 'invalid')] });
    }
    const { ids } = await writeEntries(trx, bankId, [entry]);
    const id = ids[0]!;
    await tools.audit(actor, {
      action: 'bank.entry-add',
      subjectType: 'hash_bank_entry',
      subjectId: id,
      detail: { bankId, hashes: (['pdq', 'md5', 'sha1', 'sha256'] as const).filter((k) => entry[k] !== undefined), enabled: entry.enabled },
    });
    tools.entriesChanged([id]);
    const row = await trx.selectFrom('hash_bank_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return entryViewOf(row);
  });
}

/** Enables, disables or reclassifies one entry. */
export async function updateEntry(
  ctx: BankContext,
  actor: Actor,
  bankId: string,
  entryId: string,
  change: EntryChange,
): Promise<EntryView> {
  return ctx.change(async (trx, tools) => {
    const before = await trx
      .selectFrom('hash_bank_entries')
      .selectAll()
      .where('id', '=', entryId)
      .where('bank_id', '=', bankId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new Problem('not-found');
    const industryCategory = change.industryCategory === undefined ? before.industry_category : change.industryCategory;
    const ageGroup = change.ageGroup === undefined ? before.age_group : change.ageGroup;
    if (industryCategory !== null && ageGroup !== null && industryCategory.startsWith('A') === (ageGroup === 'pubescent')) {
      throw new Problem('validation', {
        fields: [fieldProblem(change.ageGroup !== undefined ? '/ageGroup' : '/industryCategory', 'invalid')],
      });
    }
    const row = await trx
      .updateTable('hash_bank_entries')
      .set({
        enabled: change.enabled ?? before.enabled,
        legal_status: change.legalStatus ?? before.legal_status,
        industry_category: industryCategory,
        age_group: ageGroup,
        updated_at: ctx.now(),
      })
      .where('id', '=', entryId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const reclassified = (['legal_status', 'industry_category', 'age_group'] as const).filter((f) => row[f] !== before[f]);
    const action = row.enabled !== before.enabled ? (row.enabled ? 'bank.entry-enable' : 'bank.entry-disable') : 'bank.entry-update';
    await tools.audit(actor, {
      action,
      subjectType: 'hash_bank_entry',
      subjectId: entryId,
      detail: { bankId, reclassified: [...reclassified] },
    });
    tools.entriesChanged([entryId]);
    return entryViewOf(row);
  });
}

export async function readEntry(ctx: BankContext, bankId: string, entryId: string): Promise<EntryView> {
  const row = await ctx.db
    .selectFrom('hash_bank_entries')
    .selectAll()
    .where('id', '=', entryId)
    .where('bank_id', '=', bankId)
    .executeTakeFirst();
  if (!row) throw new Problem('not-found');
  return entryViewOf(row);
}

/** A bank's entries in the order they were added, a page at a time (`after` is the last id seen). */
export async function listEntries(ctx: BankContext, bankId: string, filter: EntryFilter): Promise<EntryPage> {
  await requireBank(ctx, bankId);
  const limit = filter.limit ?? 100;
  let query = ctx.db.selectFrom('hash_bank_entries').selectAll().where('bank_id', '=', bankId);
  if (filter.after) query = query.where('id', '>', filter.after);
  if (filter.enabled !== undefined) query = query.where('enabled', '=', filter.enabled);
  const rows = await query
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(entryViewOf);
  return { entries: page, next: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** For the audit of an export: how many entries it holds. */
export async function countEntries(ctx: BankContext, bankId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('hash_bank_entries')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('bank_id', '=', bankId)
    .executeTakeFirstOrThrow();
  return row.n;
}
