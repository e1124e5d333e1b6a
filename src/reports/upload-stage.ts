import { randomUUID } from 'node:crypto';
import { Problem } from '../platform/http/index.js';
import type { ReportContext } from './context.js';
import type { UploadReceipt } from './media-views.js';
import { sealContext } from './model.js';
import type { Actor } from './ports.js';
import { fileProblem, isPlainFileName, refusalProblem, uploadOwnerOf, type ReceivedFile } from './uploads.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * A file received for a report to come: its type decided from its bytes, hashed (MD5, SHA-1,
 * SHA-256; PDQ for a picture), staged with its hashes until a report names it or it expires.
 * By default the bytes are then dropped: only the hashes stay. A deployment that quarantines
 * media keeps them sealed under the key ring until their retention ends. The row, the
 * quarantined bytes and the audit entry are written in one transaction.
 */
export async function stageUpload(ctx: ReportContext, actor: Actor, file: ReceivedFile): Promise<UploadReceipt> {
  const media = ctx.media;
  const owner = uploadOwnerOf(actor);
  if (!media || !owner) throw new Problem('not-found');
  if (file.fileName !== undefined && !isPlainFileName(file.fileName)) throw fileProblem('validation', 'format', 'detail.media-file-name');
  const inspected = await media.inspector.inspect(file.bytes);
  if (!inspected.ok) throw refusalProblem(inspected.reason);
  const found = inspected.media;

  const id = randomUUID();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + media.uploadTtlMinutes * 60_000);
  const quarantine = media.quarantine;
  await ctx.change(async (trx, tools) => {
    await trx
      .insertInto('report_uploads')
      .values({
        id,
        owner_kind: owner.kind,
        owner_id: owner.id,
        received_at: now,
        expires_at: expiresAt,
        media_type: found.mediaType,
        size: found.size,
        width: found.width,
        height: found.height,
        md5: found.md5,
        sha1: found.sha1,
        sha256: found.sha256,
        pdq: found.pdq,
        pdq_quality: found.pdqQuality,
        file_name_sealed: file.fileName ? ctx.sealer.seal(file.fileName, sealContext('report_uploads', 'file_name_sealed', id)) : null,
      })
      .execute();
    if (quarantine) {
      await trx
        .insertInto('report_media_quarantine')
        .values({
          id,
          report_id: null,
          item_id: null,
          media_type: found.mediaType,
          size: found.size,
          stored_at: now,
          delete_after: new Date(now.getTime() + quarantine.retentionDays * dayMs),
          content_sealed: quarantine.sealer.sealBytes(file.bytes, sealContext('report_media_quarantine', 'content_sealed', id)),
        })
        .execute();
    }
    await tools.audit(actor, {
      action: 'report.media-upload',
      subjectType: 'report_upload',
      subjectId: id,
      detail: { mediaType: found.mediaType, size: found.size, quarantined: quarantine !== undefined },
    });
  });
  return {
    uploadId: id,
    mediaType: found.mediaType,
    size: found.size,
    expiresAt: expiresAt.toISOString(),
    hashes: { md5: found.md5, sha1: found.sha1, sha256: found.sha256, ...(found.pdq ? { pdq: found.pdq } : {}) },
    pdqQuality: found.pdqQuality,
    width: found.width,
    height: found.height,
    quarantined: quarantine !== undefined,
  };
}
