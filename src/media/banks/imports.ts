import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Selectable } from 'kysely';
import { Problem } from '../../platform/http/index.js';
import { translate, type Language } from '../../platform/i18n/index.js';
import { requireBank } from './banks.js';
import type { BankContext } from './context.js';
import type { ImportOptions, ImportView } from './contracts.js';
import type { ImportInput, ImportProgress, StoredDefaults, StoredImportError } from './import-model.js';
import { runImport } from './import-run.js';
import { importJob, type ImportFormat, type ImportJobData, type ImportStatus } from './model.js';
import type { Actor } from './ports.js';
import type { HashBankImportsTable } from './tables.js';

/** Bytes per stored chunk of an upload. */
const CHUNK_BYTES = 1024 * 1024;

type ImportRow = Selectable<HashBankImportsTable>;

const fieldKeys = new Set(['required', 'unknown', 'invalid', 'too-short', 'too-long', 'format', 'type', 'choice', 'range']);

export function importViewOf(row: ImportRow, language: Language): ImportView {
  const status = row.status as ImportStatus;
  const phase = status === 'queued' ? 'waiting' : status === 'validating' || status === 'applying' ? status : 'done';
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
  return {
    id: row.id,
    bankId: row.bank_id,
    format: row.format as ImportFormat,
    status,
    progress: {
      phase,
      bytesRead: Number(row.bytes_read),
      totalBytes: Number(row.total_bytes),
      records: row.records,
      applied: row.applied,
    },
    counts: { inserted: row.inserted, updated: row.updated, disabled: row.disabled, skipped: row.skipped },
    errorCount: row.error_count,
    errors: (row.errors as StoredImportError[]).map((error) => ({
      ...error,
      title: translate(language, fieldKeys.has(error.code) ? (`field.${error.code}` as 'field.invalid') : 'field.invalid'),
    })),
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

function newImportRow(ctx: BankContext, actor: Actor, bankId: string, options: ImportOptions, totalBytes: number) {
  const { format, ...rest } = options;
  const defaults: StoredDefaults = { ...rest, date: rest.date ?? ctx.now().toISOString().slice(0, 10) };
  return {
    id: randomUUID(),
    bank_id: bankId,
    format,
    defaults: JSON.stringify(defaults),
    status: 'queued',
    actor: JSON.stringify({
      actorType: actor.actorType,
      actorId: actor.actorId,
      organisationId: actor.organisationId ?? null,
      requestId: actor.requestId ?? null,
    }),
    total_bytes: totalBytes,
  };
}

/**
 * An uploaded import: the file (already on local disk) is stored in the database in 1 MiB
 * chunks, with the import and its job, in one transaction, so that any worker process can
 * run it and an acknowledged upload is never lost. The job deletes the chunks when done.
 */
export async function startImport(
  ctx: BankContext,
  actor: Actor,
  bankId: string,
  options: ImportOptions,
  file: { path: string; size: number },
): Promise<ImportView> {
  await requireBank(ctx, bankId);
  const handle = await open(file.path, 'r');
  try {
    const row = await ctx.change(async (trx, tools) => {
      const values = newImportRow(ctx, actor, bankId, options, file.size);
      const created = await trx.insertInto('hash_bank_imports').values(values).returningAll().executeTakeFirstOrThrow();
      const buffer = Buffer.alloc(CHUNK_BYTES);
      for (let seq = 0; ; seq++) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) break;
        await trx
          .insertInto('hash_bank_import_chunks')
          .values({ import_id: created.id, seq, data: buffer.subarray(0, bytesRead) })
          .execute();
      }
      await tools.enqueue(importJob, { importId: created.id } satisfies ImportJobData);
      return created;
    });
    return importViewOf(row, 'en');
  } finally {
    await handle.close();
  }
}

/** The stored chunks of an upload, in order, read one at a time. */
function storedInput(ctx: BankContext, row: ImportRow): ImportInput {
  return {
    totalBytes: Number(row.total_bytes),
    async *open() {
      for (let seq = 0; ; seq++) {
        const chunk = await ctx.db
          .selectFrom('hash_bank_import_chunks')
          .select('data')
          .where('import_id', '=', row.id)
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (!chunk) return;
        yield chunk.data;
      }
    },
  };
}

/** The job: runs an uploaded import (idempotent; resumes where a dead worker stopped). */
export async function runImportJob(ctx: BankContext, importId: string): Promise<void> {
  const row = await ctx.db.selectFrom('hash_bank_imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!row || row.status === 'succeeded' || row.status === 'failed') return;
  await runImport(ctx, importId, storedInput(ctx, row));
}

/** An import run here and now, from a local file (the command line), with its progress. */
export async function importFile(
  ctx: BankContext,
  actor: Actor,
  bankId: string,
  options: ImportOptions,
  input: ImportInput,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportView> {
  await requireBank(ctx, bankId);
  const created = await ctx.db
    .insertInto('hash_bank_imports')
    .values(newImportRow(ctx, actor, bankId, options, input.totalBytes))
    .returningAll()
    .executeTakeFirstOrThrow();
  return importViewOf(await runImport(ctx, created.id, input, onProgress), 'en');
}

export async function readImport(ctx: BankContext, bankId: string, importId: string, language: Language): Promise<ImportView> {
  const row = await ctx.db
    .selectFrom('hash_bank_imports')
    .selectAll()
    .where('id', '=', importId)
    .where('bank_id', '=', bankId)
    .executeTakeFirst();
  if (!row) throw new Problem('not-found');
  return importViewOf(row, language);
}

export async function listImports(ctx: BankContext, bankId: string, language: Language): Promise<ImportView[]> {
  await requireBank(ctx, bankId);
  const rows = await ctx.db
    .selectFrom('hash_bank_imports')
    .selectAll()
    .where('bank_id', '=', bankId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => importViewOf(row, language));
}
