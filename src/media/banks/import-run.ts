import type { Selectable } from 'kysely';
import { findBank } from './banks.js';
import type { BankContext } from './context.js';
import { checkEntry, type EntryDefaults } from './entry-check.js';
import { disableByReference, writeEntries } from './entry-rows.js';
import { ImportFormatError, readers, type ImportRecord } from './formats/index.js';
import {
  entryDefaultsOf,
  formatDefaultsOf,
  MAX_STORED_ERRORS,
  type ImportCounts,
  type ImportInput,
  type ImportProgress,
  type StoredDefaults,
  type StoredImportError,
} from './import-model.js';
import type { EntryInput, ImportFormat } from './model.js';
import type { Actor } from './ports.js';
import type { HashBankImportsTable } from './tables.js';

/** Records written per transaction: each is one multi-row statement, well under 65,535 parameters. */
const BATCH = 2000;
/** How often the import's progress is written while it runs. */
const PROGRESS_MS = 1000;

type ImportRow = Selectable<HashBankImportsTable>;

/**
 * Runs an import, all or nothing, in two passes over its input. The first reads and checks
 * every record, storing nothing but progress; any invalid field fails the import whole,
 * naming each (line, record, field). The second writes the entries in batches, each batch
 * in a transaction with the import's resume point and its change-log entry, so that a
 * worker that dies resumes where it stopped and nothing is written twice. Entries are
 * matched as soon as their batch commits. Safe to run again: a finished import is left as is.
 */
export async function runImport(
  ctx: BankContext,
  importId: string,
  input: ImportInput,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportRow> {
  let row = await loadImport(ctx, importId);
  if (row.status === 'succeeded' || row.status === 'failed') return row;
  const bank = await findBank(ctx, row.bank_id);
  if (!bank) throw new Error(`Import ${importId}: its bank is gone`);
  const stored = row.defaults as StoredDefaults;
  const run: Run = {
    ctx,
    row,
    input,
    onProgress,
    format: row.format as ImportFormat,
    entryDefaults: entryDefaultsOf(stored, bank),
    read: () => readers[row.format as ImportFormat](countBytes(input.open(), run), formatDefaultsOf(stored, bank.purpose)),
    bytesRead: 0,
  };
  if (row.status === 'queued' || row.status === 'validating') {
    await ctx.db.updateTable('hash_bank_imports').set({ status: 'validating', started_at: ctx.now() }).where('id', '=', importId).execute();
    const errors = await validate(run);
    if (errors.count > 0) return finish(run, 'failed', errors);
    row = await ctx.db
      .updateTable('hash_bank_imports')
      .set({ status: 'applying', records: errors.records, bytes_read: 0 })
      .where('id', '=', importId)
      .returningAll()
      .executeTakeFirstOrThrow();
    run.row = row;
  }
  await apply(run);
  return finish(run, 'succeeded', { count: 0, first: [], records: run.row.records });
}

interface Run {
  ctx: BankContext;
  row: ImportRow;
  input: ImportInput;
  format: ImportFormat;
  entryDefaults: EntryDefaults;
  onProgress: (progress: ImportProgress) => void;
  read: () => AsyncIterable<ImportRecord>;
  bytesRead: number;
}

interface Found {
  count: number;
  first: StoredImportError[];
  records: number;
}

async function loadImport(ctx: BankContext, id: string): Promise<ImportRow> {
  const row = await ctx.db.selectFrom('hash_bank_imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new Error(`No import ${id}`);
  return row;
}

async function* countBytes(source: AsyncIterable<Uint8Array>, run: Run): AsyncIterable<Uint8Array> {
  run.bytesRead = 0;
  for await (const chunk of source) {
    run.bytesRead += chunk.byteLength;
    yield chunk;
  }
}

function entryOf(run: Run, record: ImportRecord & { kind: 'entry' }, found: Found): EntryInput | null {
  const checked = checkEntry(record.raw, run.entryDefaults);
  if (checked.ok) return checked.entry;
  for (const error of checked.errors) {
    found.count++;
    const field = record.fields[error.field as keyof typeof record.fields] ?? error.field;
    if (found.first.length < MAX_STORED_ERRORS) found.first.push({ line: record.line, record: record.record, field, code: error.code });
  }
  return null;
}

/** A progress reporter that writes at most once a second (outside any long transaction). */
function progressWriter(run: Run, phase: ImportProgress['phase']) {
  let last = Date.now();
  return async (records: number, applied: number, force = false) => {
    const progress = { phase, bytesRead: run.bytesRead, totalBytes: run.input.totalBytes, records, applied };
    run.onProgress(progress);
    if (!force && Date.now() - last < PROGRESS_MS) return;
    last = Date.now();
    await run.ctx.db
      .updateTable('hash_bank_imports')
      .set({ bytes_read: run.bytesRead, ...(phase === 'validating' ? { records } : {}) })
      .where('id', '=', run.row.id)
      .execute();
  };
}

async function validate(run: Run): Promise<Found> {
  const found: Found = { count: 0, first: [], records: 0 };
  const progress = progressWriter(run, 'validating');
  try {
    for await (const record of run.read()) {
      found.records = record.record;
      if (record.kind === 'entry') entryOf(run, record, found);
      if (found.records % 1000 === 0) await progress(found.records, 0);
    }
  } catch (error) {
    if (!(error instanceof ImportFormatError)) throw error;
    found.count++;
    found.first.push({ line: error.line, record: error.record || found.records + 1, field: error.field, code: error.code });
  }
  await progress(found.records, 0, true);
  return found;
}

async function apply(run: Run): Promise<void> {
  const { ctx } = run;
  const progress = progressWriter(run, 'applying');
  const resumeAt = run.row.applied;
  let pending: { entries: EntryInput[]; withdrawn: string[]; records: number; skipped: number } = {
    entries: [],
    withdrawn: [],
    records: 0,
    skipped: 0,
  };
  let lastKind: ImportRecord['kind'] | null = null;
  const flush = async () => {
    if (pending.records === 0) return;
    const batch = pending;
    pending = { entries: [], withdrawn: [], records: 0, skipped: 0 };
    await ctx.change(async (trx, tools) => {
      // Claims the batch first: a second runner of the same import (a retry while this one
      // still runs) finds `applied` moved on and rolls back, so nothing is written twice.
      const claimed = await trx
        .updateTable('hash_bank_imports')
        .set((eb) => ({ applied: eb('applied', '+', batch.records), bytes_read: run.bytesRead }))
        .where('id', '=', run.row.id)
        .where('applied', '=', run.row.applied)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) throw new Error(`Import ${run.row.id}: another run applied this batch`);
      const written = await writeEntries(trx, run.row.bank_id, batch.entries);
      const disabled = await disableByReference(trx, run.row.bank_id, batch.withdrawn);
      run.row = await trx
        .updateTable('hash_bank_imports')
        .set((eb) => ({
          inserted: eb('inserted', '+', written.inserted),
          updated: eb('updated', '+', written.updated),
          disabled: eb('disabled', '+', disabled.length),
          skipped: eb('skipped', '+', batch.skipped),
        }))
        .where('id', '=', run.row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      tools.entriesChanged([...written.ids, ...disabled]);
    });
    await progress(run.row.records, run.row.applied);
  };
  const unused: Found = { count: 0, first: [], records: 0 };
  for await (const record of run.read()) {
    if (record.record <= resumeAt) continue;
    // Entries and withdrawals are written in file order: a change of kind closes the batch.
    if (lastKind !== null && record.kind !== lastKind && record.kind !== 'skip') await flush();
    if (record.kind !== 'skip') lastKind = record.kind;
    pending.records++;
    if (record.kind === 'skip') pending.skipped++;
    else if (record.kind === 'withdraw') pending.withdrawn.push(record.reference);
    else {
      const entry = entryOf(run, record, unused);
      if (!entry) throw new Error(`Import ${run.row.id}: record ${record.record} changed since it was checked`);
      pending.entries.push(entry);
    }
    if (pending.records >= BATCH) await flush();
  }
  await flush();
}

async function finish(run: Run, status: 'succeeded' | 'failed', found: Found): Promise<ImportRow> {
  const { ctx } = run;
  return ctx.change(async (trx, tools) => {
    const row = await trx
      .updateTable('hash_bank_imports')
      .set({
        status,
        finished_at: ctx.now(),
        records: found.records,
        error_count: found.count,
        errors: JSON.stringify(found.first),
      })
      .where('id', '=', run.row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('hash_bank_import_chunks').where('import_id', '=', row.id).execute();
    const counts: ImportCounts = row;
    await tools.audit(row.actor as Actor, {
      action: 'bank.import',
      subjectType: 'hash_bank',
      subjectId: row.bank_id,
      detail: {
        importId: row.id,
        format: row.format,
        status,
        records: counts.records,
        inserted: counts.inserted,
        updated: counts.updated,
        disabled: counts.disabled,
        skipped: counts.skipped,
        errors: found.count,
      },
    });
    return row;
  });
}
