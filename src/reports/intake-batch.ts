import type { Transaction } from 'kysely';
import type { Outcome } from '../platform/store/index.js';
import type { ChangeTools, ReportContext } from './context.js';
import { enqueueFollowUps } from './follow-ups.js';
import { claimIdempotencyKeys, type Claim } from './idempotency.js';
import type { Actor, AuditRecord } from './ports.js';
import { reportRows, type IncomingReport } from './rows.js';
import { insertReports } from './store.js';
import type { ReportTables } from './tables.js';
import { attachQuarantined, useUploads, type UploadUse } from './upload-consume.js';

/**
 * One acknowledged-after-commit unit of intake: the reports of one request, who sent them,
 * the idempotency claim that guards them if any, and what the channel writes besides.
 */
export interface IntakeUnit {
  actor: Actor;
  incoming: IncomingReport[];
  claim?: Claim;
  /** What the channel knows of each report, added to its audit entry. */
  auditDetail?: Record<string, string | number | boolean | string[]>;
  /** The channel's own writes, once the reports are written (a call, a hotel). */
  alsoWrite?: (trx: Transaction<ReportTables>, reportIds: readonly string[]) => Promise<void>;
}

/** Written; or the answer the key's first request got, for a retry of it. */
export type IntakeResult = { replayed: false } | { replayed: true; replay: unknown };

function receiveEntry(unit: IntakeUnit, report: IncomingReport): { actor: Actor; record: AuditRecord } {
  const { content } = report;
  return {
    actor: unit.actor,
    record: {
      action: 'report.receive',
      subjectType: 'report',
      subjectId: report.id,
      detail: {
        channel: report.channel,
        category: content.category,
        urgent: content.childInImmediateDanger ?? false,
        urls: content.urls?.length ?? 0,
        media: content.media?.length ?? 0,
        onlineIdentifiers: content.onlineIdentifiers?.length ?? 0,
        ...(unit.incoming.length > 1 ? { batchSize: unit.incoming.length } : {}),
        ...unit.auditDetail,
      },
    },
  };
}

/**
 * The writes of several intakes in the caller's one transaction, a statement per table for
 * all of them: claims, reports with items and match keys, audit entries, follow-up jobs. A
 * unit whose key was already claimed writes nothing and gets the earlier answer (or a 409).
 * Anything else that goes wrong throws, so the transaction rolls back whole; the group
 * committer then writes each unit alone.
 */
export async function writeIntakes(
  ctx: ReportContext,
  trx: Transaction<ReportTables>,
  tools: ChangeTools,
  units: readonly IntakeUnit[],
): Promise<Outcome<IntakeResult>[]> {
  const claimed = units.flatMap((unit, i) => (unit.claim ? [{ i, claim: unit.claim }] : []));
  const claimOutcomes = await claimIdempotencyKeys(
    trx,
    claimed.map((c) => c.claim),
    ctx.now(),
  );
  const outcomes: Outcome<IntakeResult>[] = units.map(() => ({ ok: true, value: { replayed: false } }));
  claimed.forEach(({ i }, n) => {
    const claim = claimOutcomes[n]!;
    if ('conflict' in claim) outcomes[i] = { ok: false, error: claim.conflict };
    else if ('replay' in claim) outcomes[i] = { ok: true, value: { replayed: true, replay: claim.replay } };
  });
  const accepted = units.filter((_, i) => outcomes[i]!.ok && !(outcomes[i] as { value: IntakeResult }).value.replayed);

  // Uploads named by media items are used first: their hashes become the items' hashes.
  const written: { unit: IntakeUnit; incoming: IncomingReport[]; uses: UploadUse[] }[] = [];
  for (const unit of accepted) {
    const entries = unit.incoming.map((report) => ({ pointer: report.pointer ?? '', content: report.content }));
    const { contents, uses } = await useUploads(ctx, trx, unit.actor, entries);
    written.push({ unit, uses, incoming: unit.incoming.map((report, i) => ({ ...report, content: contents[i]! })) });
  }
  await insertReports(
    trx,
    written.flatMap(({ incoming }) => incoming.map((report) => reportRows(ctx.sealer, report))),
  );
  for (const { incoming, uses } of written) {
    if (uses.length === 0) continue;
    await attachQuarantined(
      trx,
      uses,
      incoming.map((report) => ({ reportId: report.id, additionId: null })),
    );
  }
  await tools.auditAll(written.flatMap(({ unit, incoming }) => incoming.map((report) => receiveEntry(unit, report))));
  for (const { unit, incoming } of written) {
    await unit.alsoWrite?.(
      trx,
      incoming.map((report) => report.id),
    );
  }
  await enqueueFollowUps(
    ctx,
    tools,
    written.flatMap(({ incoming }) => incoming.map((report) => ({ reportId: report.id, content: report.content }))),
  );
  return outcomes;
}
