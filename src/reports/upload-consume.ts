import type { Selectable, Transaction } from 'kysely';
import { Problem, fieldProblem, type FieldProblem } from '../platform/http/index.js';
import type { ReportContext } from './context.js';
import type { ReportUploadsTable } from './media-tables.js';
import { sealContext } from './model.js';
import type { Actor } from './ports.js';
import type { MediaSubmission } from './report-v1.js';
import type { ReportTables } from './tables.js';
import { uploadOwnerOf } from './uploads.js';

/**
 * Uploads named by a submission (`media[].uploadId`), used in its own transaction: each
 * upload's hashes, type and file name are copied into its media item and the upload is
 * consumed (deleted), so it serves once. An id that is unknown, expired, already used, used
 * twice in the request or uploaded by someone else is refused with 422 naming
 * `…/media/N/uploadId`; a hash given beside the id that is not the file's, with 422 naming
 * it. Either way the whole transaction rolls back and the uploads stay usable.
 */

interface Entry<C> {
  /** Where the content is in the request body: `''`, `/reports/3`, `/report`. */
  pointer: string;
  content: C;
}

export interface UploadUse {
  uploadId: string;
  /** Index of the entry, and of the media item in it. */
  entry: number;
  mediaIndex: number;
}

const exactKinds = ['md5', 'sha1', 'sha256'] as const;

function mediaFrom(ctx: ReportContext, item: MediaSubmission, upload: Selectable<ReportUploadsTable>): MediaSubmission {
  const uploadedName = upload.file_name_sealed
    ? ctx.sealer.open(upload.file_name_sealed, sealContext('report_uploads', 'file_name_sealed', upload.id))
    : undefined;
  const fileName = item.fileName ?? uploadedName;
  return {
    hashes: { md5: upload.md5, sha1: upload.sha1, sha256: upload.sha256, ...(upload.pdq !== null ? { pdq: upload.pdq } : {}) },
    ...(upload.pdq_quality !== null ? { pdqQuality: upload.pdq_quality } : {}),
    ...(fileName !== undefined ? { fileName } : {}),
    mediaType: upload.media_type,
    ...(item.url !== undefined ? { url: item.url } : {}),
  };
}

export async function useUploads<C extends { media?: MediaSubmission[] | undefined }>(
  ctx: ReportContext,
  trx: Transaction<ReportTables>,
  actor: Actor,
  entries: readonly Entry<C>[],
): Promise<{ contents: C[]; uses: UploadUse[] }> {
  const uses: UploadUse[] = [];
  entries.forEach(({ content }, entry) =>
    content.media?.forEach((item, mediaIndex) => {
      if (item.uploadId !== undefined) uses.push({ uploadId: item.uploadId.toLowerCase(), entry, mediaIndex });
    }),
  );
  if (uses.length === 0) return { contents: entries.map((e) => e.content), uses };

  const pointerOf = (use: UploadUse) => `${entries[use.entry]!.pointer}/media/${use.mediaIndex}`;
  const owner = uploadOwnerOf(actor);
  const ids = [...new Set(uses.map((use) => use.uploadId))];
  const found =
    owner === null
      ? []
      : await trx
          .deleteFrom('report_uploads')
          .where('id', 'in', ids)
          .where('owner_kind', '=', owner.kind)
          .where((eb) => (owner.id === null ? eb('owner_id', 'is', null) : eb('owner_id', '=', owner.id)))
          .where('expires_at', '>', ctx.now())
          .returningAll()
          .execute();
  const uploads = new Map(found.map((upload) => [upload.id, upload]));

  const unusable: FieldProblem[] = [];
  const differing: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const use of uses) {
    const upload = uploads.get(use.uploadId);
    if (!upload || seen.has(use.uploadId)) unusable.push(fieldProblem(`${pointerOf(use)}/uploadId`, 'invalid'));
    seen.add(use.uploadId);
    const given = entries[use.entry]!.content.media![use.mediaIndex]!.hashes;
    for (const kind of exactKinds) {
      if (upload && given?.[kind] !== undefined && given[kind].toLowerCase() !== upload[kind]) {
        differing.push(fieldProblem(`${pointerOf(use)}/hashes/${kind}`, 'invalid'));
      }
    }
  }
  if (unusable.length > 0 || differing.length > 0) {
    const detail = unusable.length > 0 ? 'detail.upload-unusable' : 'detail.upload-hash-differs';
    throw new Problem('unprocessable', { fields: [...unusable, ...differing].slice(0, 100), detail });
  }

  const contents = entries.map(({ content }, entry) => {
    if (!uses.some((use) => use.entry === entry)) return content;
    const media = content.media!.map((item) =>
      item.uploadId === undefined ? item : mediaFrom(ctx, item, uploads.get(item.uploadId.toLowerCase())!),
    );
    return { ...content, media };
  });
  return { contents, uses };
}

/**
 * Ties the quarantined bytes of the uploads used (when the deployment keeps them) to the
 * media items written from them, so that the report's view offers them and a report
 * deleted takes them along. `owners[entry]` is the report, and the addition if any, of each entry.
 */
export async function attachQuarantined(
  trx: Transaction<ReportTables>,
  uses: readonly UploadUse[],
  owners: readonly { reportId: string; additionId: string | null }[],
): Promise<void> {
  const entries = [...new Set(uses.map((use) => use.entry))];
  for (const entry of entries) {
    const { reportId, additionId } = owners[entry]!;
    const items = await trx
      .selectFrom('report_items')
      .select('id')
      .where('report_id', '=', reportId)
      .where((eb) => (additionId === null ? eb('addition_id', 'is', null) : eb('addition_id', '=', additionId)))
      .where('kind', '=', 'media')
      .orderBy('position')
      .execute();
    for (const use of uses.filter((u) => u.entry === entry)) {
      const item = items[use.mediaIndex];
      if (!item) continue;
      await trx
        .updateTable('report_media_quarantine')
        .set({ report_id: reportId, item_id: item.id })
        .where('id', '=', use.uploadId)
        .where('item_id', 'is', null)
        .execute();
    }
  }
}
