import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { RoutingContext } from './context.js';
import type { NewVersion, VersionDetail, VersionSummary } from './contracts.js';
import type { Actor } from './ports.js';
import { ruleSetProblems } from './rule-checks.js';
import type { RuleSet } from './rule-format.js';
import type { RoutingRuleVersionsTable } from './tables.js';

const iso = (value: Date | string) => new Date(value).toISOString();

function summaryOf(row: Selectable<RoutingRuleVersionsTable>): VersionSummary {
  return {
    version: row.version,
    note: row.note,
    basedOn: row.based_on,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    active: row.active,
    rules: row.rules.rules.length,
  };
}

export async function listVersions(ctx: RoutingContext): Promise<{ versions: VersionSummary[] }> {
  const rows = await ctx.db.selectFrom('routing_rule_versions').selectAll().orderBy('version', 'desc').execute();
  return { versions: rows.map(summaryOf) };
}

export async function readVersion(ctx: RoutingContext, version: number): Promise<VersionDetail> {
  const row = await ctx.db.selectFrom('routing_rule_versions').selectAll().where('version', '=', version).executeTakeFirst();
  if (!row) throw new Problem('not-found');
  const activations = await ctx.db
    .selectFrom('routing_activations')
    .select(['activated_by', 'activated_at'])
    .where('version', '=', version)
    .orderBy('activated_at')
    .execute();
  return {
    ...summaryOf(row),
    ruleSet: row.rules,
    activations: activations.map((activation) => ({ by: activation.activated_by, at: iso(activation.activated_at) })),
  };
}

/** The rules in force: the job routes with them. */
export async function activeRules(ctx: RoutingContext): Promise<{ version: number; ruleSet: RuleSet } | null> {
  const row = await ctx.db.selectFrom('routing_rule_versions').select(['version', 'rules']).where('active', '=', true).executeTakeFirst();
  return row ? { version: row.version, ruleSet: row.rules } : null;
}

/** The rules of any version, active or draft (for the dry run). */
export async function rulesOf(ctx: RoutingContext, version: number): Promise<RuleSet> {
  const row = await ctx.db.selectFrom('routing_rule_versions').select('rules').where('version', '=', version).executeTakeFirst();
  if (!row) throw new Problem('not-found');
  return row.rules;
}

/**
 * Saves an edit as a new version, a draft: nothing changes until it is activated. Versions
 * are numbered in order under a lock, so two administrators saving at once get two versions.
 */
export async function createVersion(ctx: RoutingContext, actor: Actor, draft: NewVersion): Promise<VersionDetail> {
  const problems = ruleSetProblems(draft.ruleSet, '/ruleSet');
  if (problems.length > 0) throw new Problem('validation', { fields: problems });
  const version = await ctx.change(async (trx, tools) => {
    await sql`select pg_advisory_xact_lock(hashtext('routing_rule_versions'))`.execute(trx);
    if (draft.basedOn !== undefined) {
      const base = await trx.selectFrom('routing_rule_versions').select('version').where('version', '=', draft.basedOn).executeTakeFirst();
      if (!base) throw new Problem('unprocessable', { fields: [{ in: 'body', pointer: '/basedOn', code: 'invalid' }] });
    }
    const last = await trx
      .selectFrom('routing_rule_versions')
      .select((eb) => eb.fn.max<number>('version').as('last'))
      .executeTakeFirst();
    const next = (last?.last ?? 0) + 1;
    await trx
      .insertInto('routing_rule_versions')
      .values({
        version: next,
        rules: JSON.stringify(draft.ruleSet),
        note: draft.note ?? null,
        based_on: draft.basedOn ?? null,
        created_by: actor.actorId,
        created_at: ctx.now(),
        active: false,
      })
      .execute();
    await tools.audit(actor, {
      action: 'routing.version-create',
      subjectType: 'routing_version',
      subjectId: String(next),
      detail: { rules: draft.ruleSet.rules.length, basedOn: draft.basedOn ?? null },
    });
    return next;
  });
  return readVersion(ctx, version);
}

/** Puts a version in force; the one before stays in the history, and can be activated again. */
export async function activateVersion(ctx: RoutingContext, actor: Actor, version: number): Promise<VersionDetail> {
  await ctx.change(async (trx, tools) => {
    await sql`select pg_advisory_xact_lock(hashtext('routing_rule_versions'))`.execute(trx);
    const row = await trx
      .selectFrom('routing_rule_versions')
      .select(['version', 'active'])
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw new Problem('not-found');
    const previous = await trx.selectFrom('routing_rule_versions').select('version').where('active', '=', true).executeTakeFirst();
    if (row.active) return;
    await trx.updateTable('routing_rule_versions').set({ active: false }).where('active', '=', true).execute();
    await trx.updateTable('routing_rule_versions').set({ active: true }).where('version', '=', version).execute();
    await trx
      .insertInto('routing_activations')
      .values({ id: randomUUID(), version, activated_by: actor.actorId, activated_at: ctx.now() })
      .execute();
    await tools.audit(actor, {
      action: 'routing.activate',
      subjectType: 'routing_version',
      subjectId: String(version),
      detail: { previous: previous?.version ?? null },
    });
  });
  return readVersion(ctx, version);
}
