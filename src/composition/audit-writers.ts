import type { AuditWriter } from '../identity/index.js';
import { recordAudit, recordAudits, type AuditEntry } from '../platform/audit/index.js';
import type { Actor, AuditBatchWriter, AuditRecord } from '../reports/index.js';

function entryOf(actor: Actor, record: AuditRecord): AuditEntry {
  return {
    actorType: actor.actorType,
    actorId: actor.actorId,
    organisationId: actor.organisationId ?? null,
    requestId: actor.requestId ?? null,
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    detail: record.detail ?? {},
  };
}

/** How every module writes its audit entries: one at a time in its transaction, or a batch (intake's group commit). */
export const audit: AuditWriter = async (trx, actor, record) => {
  await recordAudit(trx, entryOf(actor, record));
};

export const auditAll: AuditBatchWriter = (trx, entries) =>
  recordAudits(
    trx,
    entries.map(({ actor, record }) => entryOf(actor, record)),
  );
