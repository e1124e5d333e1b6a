import type { BlocklistContext } from './context.js';
import { desiredList } from './desired.js';
import { sealedUrlContext, type BlocklistVersion } from './model.js';
import type { Actor } from './ports.js';

const system: Actor = { actorType: 'system', actorId: null };
const batchSize = 500;
/** Another refresh that wrote a version while this one read its sources makes this one read again, a few times at most. */
const attempts = 5;

export type RefreshOutcome =
  | { outcome: 'unchanged'; version: number; size: number; skipped: number }
  | { outcome: 'written'; version: BlocklistVersion; skipped: number };

async function currentVersion(ctx: BlocklistContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('blocklist_versions')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/**
 * Recomputes the list from its sources and, when the set of URLs changed, writes the next
 * version with exactly what it added and removed. Idempotent: run again with nothing new, it
 * writes nothing. The sources are read outside the lock (they may be long to read); the write
 * takes the lock and goes ahead only if no other refresh wrote a version meanwhile —
 * otherwise it reads again, so a version never rests on older sources than the one before.
 */
export async function refreshBlocklist(ctx: BlocklistContext, reader: { jobId: string }): Promise<RefreshOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const base = await currentVersion(ctx);
    const illegal = await ctx.sources.illegalReports();
    const reportIds = illegal.map((report) => report.reportId);
    const [urls, removals] = await Promise.all([ctx.sources.urlsOf(reportIds, reader), ctx.sources.removalsOf(reportIds)]);
    const desired = desiredList(illegal, urls, removals);
    const keyed = new Map([...desired.urls].map((url) => [ctx.keyOf(url), url]));
    const outcome = await ctx.locked('write', async (root) => {
      const trx = ctx.tables(root);
      const latest = await trx
        .selectFrom('blocklist_versions')
        .select((eb) => eb.fn.max('version').as('version'))
        .executeTakeFirst();
      if (Number(latest?.version ?? 0) !== base) return null;
      const listed = new Set(
        (await trx.selectFrom('blocklist_urls').select('url_key').where('listed', '=', true).execute()).map((row) => row.url_key),
      );
      const added = [...keyed.keys()].filter((key) => !listed.has(key));
      const removed = [...listed].filter((key) => !keyed.has(key));
      if (added.length === 0 && removed.length === 0) {
        return { outcome: 'unchanged' as const, version: base, size: listed.size, skipped: desired.skipped };
      }
      const at = ctx.now();
      const version: BlocklistVersion = {
        version: base + 1,
        createdAt: at.toISOString(),
        size: keyed.size,
        added: added.length,
        removed: removed.length,
      };
      await trx
        .insertInto('blocklist_versions')
        .values({ version: version.version, created_at: at, size: version.size, added: version.added, removed: version.removed })
        .execute();
      for (let start = 0; start < added.length; start += batchSize) {
        const rows = added.slice(start, start + batchSize).map((key) => ({
          url_key: key,
          url_sealed: ctx.sealer.seal(keyed.get(key)!, sealedUrlContext(key)),
          listed: true,
          added_version: version.version,
          added_at: at,
          removed_version: null,
          removed_at: null,
        }));
        await trx
          .insertInto('blocklist_urls')
          .values(rows)
          .onConflict((conflict) =>
            conflict.column('url_key').doUpdateSet((eb) => ({
              listed: eb.ref('excluded.listed'),
              added_version: eb.ref('excluded.added_version'),
              added_at: eb.ref('excluded.added_at'),
              removed_version: null,
              removed_at: null,
            })),
          )
          .execute();
      }
      for (let start = 0; start < removed.length; start += batchSize) {
        await trx
          .updateTable('blocklist_urls')
          .set({ listed: false, removed_version: version.version, removed_at: at })
          .where('url_key', 'in', removed.slice(start, start + batchSize))
          .execute();
      }
      const changes = [
        ...added.map((key) => ({ version: version.version, url_key: key, change: 'add' as const })),
        ...removed.map((key) => ({ version: version.version, url_key: key, change: 'remove' as const })),
      ];
      for (let start = 0; start < changes.length; start += batchSize) {
        await trx
          .insertInto('blocklist_changes')
          .values(changes.slice(start, start + batchSize))
          .execute();
      }
      await ctx.audit(root, system, {
        action: 'blocklist.version',
        subjectType: 'blocklist_version',
        subjectId: String(version.version),
        detail: { jobId: reader.jobId, size: version.size, added: version.added, removed: version.removed, skipped: desired.skipped },
      });
      return { outcome: 'written' as const, version, skipped: desired.skipped };
    });
    if (outcome) return outcome;
    if (attempt >= attempts) throw new Error('The blocklist kept changing while it was recomputed');
  }
}
