import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { Problem, fieldProblem } from '../../platform/http/index.js';
import type { BankContext } from './context.js';
import type { BankChange, BankDetail, BankView, NewBank } from './contracts.js';
import type { BankPurpose } from './model.js';
import type { Actor } from './ports.js';
import type { HashBanksTable } from './tables.js';

type BankRow = Selectable<HashBanksTable>;

export function bankViewOf(row: BankRow): BankView {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose as BankPurpose,
    source: row.source,
    description: row.description,
    enabled: row.enabled,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The bank with this id, or null. */
export async function findBank(ctx: BankContext, id: string): Promise<BankView | null> {
  if (!uuidPattern.test(id)) return null;
  const row = await ctx.db.selectFrom('hash_banks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? bankViewOf(row) : null;
}

/** The bank with this id or name (any case), for the command line. */
export async function findBankByIdOrName(ctx: BankContext, idOrName: string): Promise<BankView | null> {
  const byId = await findBank(ctx, idOrName);
  if (byId) return byId;
  const row = await ctx.db
    .selectFrom('hash_banks')
    .selectAll()
    .where(sql<string>`lower(name)`, '=', idOrName.toLowerCase())
    .executeTakeFirst();
  return row ? bankViewOf(row) : null;
}

export async function requireBank(ctx: BankContext, id: string): Promise<BankView> {
  const bank = await findBank(ctx, id);
  if (!bank) throw new Problem('not-found');
  return bank;
}

async function nameTaken(ctx: BankContext, name: string, except?: string): Promise<boolean> {
  let query = ctx.db
    .selectFrom('hash_banks')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (except) query = query.where('id', '<>', except);
  return (await query.executeTakeFirst()) !== undefined;
}

const nameConflict = () => new Problem('conflict', { fields: [fieldProblem('/name', 'invalid')] });

export async function createBank(ctx: BankContext, actor: Actor, input: NewBank): Promise<BankView> {
  if (await nameTaken(ctx, input.name)) throw nameConflict();
  const id = randomUUID();
  const row = await ctx.change(async (trx, tools) => {
    const created = await trx
      .insertInto('hash_banks')
      .values({
        id,
        name: input.name,
        purpose: input.purpose,
        source: input.source,
        description: input.description ?? '',
        enabled: input.enabled ?? true,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tools.audit(actor, {
      action: 'bank.create',
      subjectType: 'hash_bank',
      subjectId: id,
      detail: { purpose: input.purpose, enabled: created.enabled },
    });
    return created;
  });
  return bankViewOf(row);
}

/** Renames, describes, enables or disables a bank; disabling it takes its entries out of matching. */
export async function updateBank(ctx: BankContext, actor: Actor, id: string, change: BankChange): Promise<BankView> {
  if (change.name !== undefined && (await nameTaken(ctx, change.name, id))) throw nameConflict();
  const row = await ctx.change(async (trx, tools) => {
    const before = await trx.selectFrom('hash_banks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new Problem('not-found');
    const updated = await trx
      .updateTable('hash_banks')
      .set({ ...change, updated_at: ctx.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const fields = (['name', 'source', 'description', 'enabled'] as const).filter(
      (f) => change[f] !== undefined && change[f] !== before[f],
    );
    const enabledChanged = before.enabled !== updated.enabled;
    const action = enabledChanged ? (updated.enabled ? 'bank.enable' : 'bank.disable') : 'bank.update';
    await tools.audit(actor, { action, subjectType: 'hash_bank', subjectId: id, detail: { fields } });
    if (enabledChanged) tools.bankChanged(id);
    return updated;
  });
  return bankViewOf(row);
}

export async function listBanks(ctx: BankContext): Promise<BankView[]> {
  const rows = await ctx.db
    .selectFrom('hash_banks')
    .selectAll()
    .orderBy(sql`lower(name)`)
    .execute();
  return rows.map(bankViewOf);
}

export async function readBank(ctx: BankContext, id: string): Promise<BankDetail> {
  const bank = await requireBank(ctx, id);
  const counts = await ctx.db
    .selectFrom('hash_bank_entries')
    .select([
      sql<number>`count(*)::int`.as('entries'),
      sql<number>`(count(*) filter (where enabled))::int`.as('enabled'),
      sql<number>`count(pdq)::int`.as('pdq'),
    ])
    .where('bank_id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...bank, counts };
}
