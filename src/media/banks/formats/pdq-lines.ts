import type { ExportedEntry } from '../entry-rows.js';
import { ImportFormatError, linesOf, type ImportRecord } from './record.js';

/**
 * PDQ text lines, as the reference hashers print them: `hash,quality[,name]`, one image a
 * line. The name (a file name) is not kept: Vigie keeps hashes, not what files were called.
 * Blank lines and lines starting with `#` are ignored. An export writes `hash,quality` for
 * each entry that has a PDQ hash.
 */
export async function* readPdqLines(input: AsyncIterable<Uint8Array>): AsyncIterable<ImportRecord> {
  let record = 0;
  for await (const { line, text } of linesOf(input)) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    record++;
    const [hash = '', quality] = trimmed.split(',', 2);
    if (quality === undefined)
      throw new ImportFormatError(line, record, 'quality', 'required', `Line ${line}: expected hash,quality[,name]`);
    yield {
      kind: 'entry',
      record,
      line,
      raw: { pdq: hash.trim(), pdqQuality: quality.trim() },
      fields: { pdq: 'hash', pdqQuality: 'quality', hashes: 'hash' },
    };
  }
}

export async function* writePdqLines(entries: AsyncIterable<ExportedEntry>): AsyncIterable<string> {
  for await (const entry of entries) {
    if (entry.pdq === null) continue;
    yield `${entry.pdq},${entry.pdqQuality ?? 0}\n`;
  }
}
