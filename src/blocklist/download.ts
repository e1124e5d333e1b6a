import { Problem } from '../platform/http/index.js';
import type { BlocklistContext } from './context.js';
import type { BlocklistFormat } from './model.js';
import type { Actor } from './ports.js';
import { diffIn, latestVersion, snapshotIn } from './read.js';
import { contentTypes, renderDiff, renderSnapshot } from './render.js';

export interface DownloadRequest {
  format: BlocklistFormat;
  /** The version the partner holds: answer the difference since it, rather than the whole list. */
  since?: number;
  /** The ETags the partner already holds (If-None-Match). */
  ifNoneMatch?: string;
}

export type Download =
  | { notModified: true; version: number; etag: string }
  | { notModified: false; version: number; etag: string; contentType: string; body: string };

/** A strong tag naming exactly what the body is: version, format and base. */
const etagOf = (version: number, request: DownloadRequest) =>
  `"blocklist-v${version}-${request.format}${request.since === undefined ? '' : `-since-${request.since}`}"`;

const matches = (header: string | undefined, etag: string) =>
  header !== undefined && header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag || candidate.trim() === '*');

/**
 * The list (or its difference since a version) for a partner, read whole at one version
 * under the list's shared lock, and audited in the same transaction: who, which version,
 * format and base, how many URLs — or that the partner already had it (304).
 */
export async function download(ctx: BlocklistContext, actor: Actor, request: DownloadRequest): Promise<Download> {
  return ctx.locked('read', async (root) => {
    const trx = ctx.tables(root);
    const { version } = await latestVersion(trx);
    if (request.since !== undefined && request.since > version) {
      throw new Problem('validation', { fields: [{ in: 'query', parameter: 'since', code: 'range' }] });
    }
    const etag = etagOf(version, request);
    const audit = (detail: { notModified: boolean; urls: number | null }) =>
      ctx.audit(root, actor, {
        action: 'blocklist.download',
        subjectType: 'blocklist_version',
        subjectId: String(version),
        detail: { format: request.format, since: request.since ?? null, ...detail },
      });
    if (matches(request.ifNoneMatch, etag)) {
      await audit({ notModified: true, urls: null });
      return { notModified: true, version, etag };
    }
    let body: string;
    let urls: number;
    if (request.since === undefined) {
      const snapshot = await snapshotIn(ctx, trx);
      body = renderSnapshot(snapshot, request.format);
      urls = snapshot.urls.length;
    } else {
      const diff = await diffIn(ctx, trx, request.since);
      body = renderDiff(diff, request.format);
      urls = diff.added.length + diff.removed.length;
    }
    await audit({ notModified: false, urls });
    return { notModified: false, version, etag, contentType: contentTypes[request.format], body };
  });
}
