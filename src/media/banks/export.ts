import { Readable } from 'node:stream';
import { requireBank } from './banks.js';
import type { BankContext } from './context.js';
import { countEntries } from './entries.js';
import { entryViewOf, type ExportedEntry } from './entry-rows.js';
import { extensions, mediaTypes, writers } from './formats/index.js';
import type { ImportFormat } from './model.js';
import type { Actor } from './ports.js';

/** Entries read per query while exporting: memory stays flat whatever the bank's size. */
const PAGE = 5000;

export interface BankExport {
  mediaType: string;
  fileName: string;
  entries: number;
  body: Readable;
}

async function* entriesOf(ctx: BankContext, bankId: string): AsyncIterable<ExportedEntry> {
  let after = '0';
  for (;;) {
    const rows = await ctx.db
      .selectFrom('hash_bank_entries')
      .selectAll()
      .where('bank_id', '=', bankId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const { createdAt: _c, updatedAt: _u, bankId: _b, ...entry } = entryViewOf(row);
      yield entry;
    }
    if (rows.length < PAGE) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

/**
 * A bank's entries in one of the import formats, streamed a page at a time (each page read
 * when the reader wants it, so a slow client holds no memory). The export is audited before
 * the first byte leaves: who, which bank, which format, how many entries.
 */
export async function exportBank(ctx: BankContext, actor: Actor, bankId: string, format: ImportFormat): Promise<BankExport> {
  const bank = await requireBank(ctx, bankId);
  const entries = await countEntries(ctx, bankId);
  await ctx.change((_trx, tools) =>
    tools.audit(actor, { action: 'bank.export', subjectType: 'hash_bank', subjectId: bankId, detail: { format, entries } }),
  );
  const safeName = bank.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'bank';
  return {
    mediaType: mediaTypes[format],
    fileName: `${safeName}.${extensions[format]}`,
    entries,
    body: Readable.from(writers[format](entriesOf(ctx, bankId))),
  };
}
