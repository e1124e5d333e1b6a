import type { Transaction } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { BlocklistContext } from './context.js';
import {
  sealedUrlContext,
  type BlocklistDiff,
  type BlocklistSnapshot,
  type BlocklistVersion,
  type ListedUrl,
  type UnlistedUrl,
} from './model.js';
import type { BlocklistTables } from './tables.js';

const iso = (value: Date | string) => new Date(value).toISOString();
/** Code-point order: canonical URLs are ASCII (punycode, percent-encoding), so this is byte order too. */
const byUrl = (a: { url: string }, b: { url: string }) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

export async function latestVersion(trx: Transaction<BlocklistTables>): Promise<{ version: number; createdAt: string | null }> {
  const row = await trx
    .selectFrom('blocklist_versions')
    .select(['version', 'created_at'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, createdAt: iso(row.created_at) } : { version: 0, createdAt: null };
}

/** Every URL listed at the latest version, sorted, in the caller's (locked) transaction; kept for the next download of that version. */
export async function snapshotIn(ctx: BlocklistContext, trx: Transaction<BlocklistTables>): Promise<BlocklistSnapshot> {
  const { version, createdAt } = await latestVersion(trx);
  if (ctx.snapshot?.version === version) return ctx.snapshot;
  const rows = await trx
    .selectFrom('blocklist_urls')
    .select(['url_key', 'url_sealed', 'added_at', 'added_version'])
    .where('listed', '=', true)
    .execute();
  const urls: ListedUrl[] = rows.map((row) => ({
    url: ctx.sealer.open(row.url_sealed, sealedUrlContext(row.url_key)),
    addedAt: iso(row.added_at),
    addedVersion: row.added_version,
  }));
  ctx.snapshot = { version, createdAt, urls: urls.sort(byUrl) };
  return ctx.snapshot;
}

/**
 * The exact difference between the list at `since` and now: a URL is added when it was not
 * listed at `since` and is now, removed when it was and is not; one taken off and put back
 * (or the reverse) in between is in neither. Whether it was listed at `since` is what its
 * first change after `since` undid.
 */
export async function diffIn(ctx: BlocklistContext, trx: Transaction<BlocklistTables>, since: number): Promise<BlocklistDiff> {
  const { version, createdAt } = await latestVersion(trx);
  if (since > version) throw new Problem('validation', { fields: [{ in: 'query', parameter: 'since', code: 'range' }] });
  // Two plain reads rather than a join: the changes since `since` by their primary key's range,
  // then those URLs by theirs, whatever the planner thinks of the tables' sizes.
  const changes = await trx
    .selectFrom('blocklist_changes')
    .select(['url_key', 'change'])
    .where('version', '>', since)
    .orderBy('version')
    .execute();
  const listedAtSince = new Map<string, boolean>();
  for (const change of changes) if (!listedAtSince.has(change.url_key)) listedAtSince.set(change.url_key, change.change === 'remove');
  const keys = [...listedAtSince.keys()];
  const added: ListedUrl[] = [];
  const removed: UnlistedUrl[] = [];
  for (let start = 0; start < keys.length; start += 5000) {
    const rows = await trx
      .selectFrom('blocklist_urls')
      .selectAll()
      .where('url_key', 'in', keys.slice(start, start + 5000))
      .execute();
    for (const row of rows) {
      if (listedAtSince.get(row.url_key) === row.listed) continue;
      const url = ctx.sealer.open(row.url_sealed, sealedUrlContext(row.url_key));
      if (row.listed) added.push({ url, addedAt: iso(row.added_at), addedVersion: row.added_version });
      else removed.push({ url, removedAt: iso(row.removed_at!), removedVersion: row.removed_version! });
    }
  }
  return { version, since, createdAt, added: added.sort(byUrl), removed: removed.sort(byUrl) };
}

export async function listVersions(ctx: BlocklistContext, options: { limit?: number } = {}): Promise<{ versions: BlocklistVersion[] }> {
  const rows = await ctx.db
    .selectFrom('blocklist_versions')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(options.limit ?? 100)
    .execute();
  return {
    versions: rows.map((row) => ({
      version: row.version,
      createdAt: iso(row.created_at),
      size: row.size,
      added: row.added,
      removed: row.removed,
    })),
  };
}
