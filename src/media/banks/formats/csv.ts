import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { RawEntry } from '../entry-check.js';
import type { ExportedEntry } from '../entry-rows.js';
import { ImportFormatError, utf8Text, type EntryFieldNames, type ImportRecord } from './record.js';

/**
 * CSV: a header row naming the columns (any subset, in any order), then one entry a row.
 * Empty cells take the import's defaults. Columns:
 *
 * | column            | content                                                  |
 * | ----------------- | -------------------------------------------------------- |
 * | pdq               | PDQ hash, 64 hex digits                                  |
 * | pdq_quality       | 0–100, required with pdq                                 |
 * | md5, sha1, sha256 | hex digits (32, 40, 64)                                  |
 * | legal_status      | baseline, national, not_illegal                          |
 * | industry_category | A1, A2, B1, B2                                           |
 * | age_group         | infant_toddler, prepubescent, pubescent                  |
 * | source            | who listed or classified it                              |
 * | date              | YYYY-MM-DD, when the source listed it                    |
 * | reference         | the source's identifier, unique in the bank              |
 * | enabled           | true or false (default true)                             |
 */
export const csvColumns = {
  pdq: 'pdq',
  pdq_quality: 'pdqQuality',
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  legal_status: 'legalStatus',
  industry_category: 'industryCategory',
  age_group: 'ageGroup',
  source: 'source',
  date: 'date',
  reference: 'reference',
  enabled: 'enabled',
} as const satisfies Record<string, keyof RawEntry>;
type Column = keyof typeof csvColumns;

const fieldNames: EntryFieldNames = Object.fromEntries([
  ...Object.entries(csvColumns).map(([column, field]) => [field, column]),
  ['hashes', 'pdq|md5|sha1|sha256'],
]);

function headerOf(cells: string[]): Column[] {
  const seen = new Set<string>();
  return cells.map((cell) => {
    const name = cell.trim().toLowerCase();
    if (!(name in csvColumns)) throw new ImportFormatError(1, 0, cell, 'unknown', `Unknown column ${JSON.stringify(cell)}`);
    if (seen.has(name)) throw new ImportFormatError(1, 0, cell, 'invalid', `Column ${name} appears twice`);
    seen.add(name);
    return name as Column;
  });
}

export async function* readCsv(input: AsyncIterable<Uint8Array>): AsyncIterable<ImportRecord> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024 });
  const source = Readable.from(utf8Text(input));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: Column[] | null = null;
  let record = 0;
  try {
    for await (const row of parser as AsyncIterable<{ info: { lines: number }; record: string[] }>) {
      if (header === null) {
        header = headerOf(row.record);
        continue;
      }
      record++;
      const raw: RawEntry = {};
      header.forEach((column, i) => {
        raw[csvColumns[column]] = row.record[i] ?? '';
      });
      yield { kind: 'entry', record, line: row.info.lines, raw, fields: fieldNames };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : null;
      // The parser reads ahead: its count of records (the header included) places the bad one.
      const at = typeof error.records === 'number' ? Math.max(error.records, record + 1) : record + 1;
      throw new ImportFormatError(line, at, 'row', 'format', `CSV: ${error.message}`);
    }
    throw error;
  }
  if (header === null) throw new ImportFormatError(1, 0, 'header', 'required', 'The CSV file has no header row');
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function* writeCsv(entries: AsyncIterable<ExportedEntry>): AsyncIterable<string> {
  yield `${Object.keys(csvColumns).join(',')}\n`;
  for await (const e of entries) {
    const { legalStatus, industryCategory, ageGroup } = e.classification;
    const cells = [
      e.pdq,
      e.pdqQuality,
      e.md5,
      e.sha1,
      e.sha256,
      legalStatus,
      industryCategory,
      ageGroup,
      e.source,
      e.date,
      e.reference,
      e.enabled,
    ];
    yield `${cells.map(cell).join(',')}\n`;
  }
}
