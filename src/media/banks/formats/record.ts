import type { FieldCode } from '../../../platform/http/index.js';
import type { RawEntry } from '../entry-check.js';

/** How a file names each entry field, for error messages (`pdqQuality` → `quality`). */
export type EntryFieldNames = Partial<Record<keyof RawEntry | 'hashes', string>>;

/** One record read from an import file. */
export type ImportRecord =
  | {
      kind: 'entry';
      /** Record number, from 1. */
      record: number;
      /** Line of the file where the record starts (not for JSON). */
      line: number | null;
      raw: RawEntry;
      fields: EntryFieldNames;
    }
  /** The source withdrew the entry with this reference (NCMEC's deleted entries): disable it. */
  | { kind: 'withdraw'; record: number; line: number | null; reference: string }
  /** A record that carries nothing Vigie matches (no hash it knows, a category with no legal meaning). */
  | { kind: 'skip'; record: number; line: number | null };

/** What the file's defaults are for a record that does not say (the bank's or the import's). */
export interface FormatDefaults {
  /** The legal status for content the source calls illegal without saying more (VICS category 1). */
  illegalStatus: 'baseline' | 'national';
}

/** A file that cannot be read any further (bad syntax, a wrong header): names the place. */
export class ImportFormatError extends Error {
  override readonly name = 'ImportFormatError';
  constructor(
    readonly line: number | null,
    readonly record: number,
    readonly field: string,
    readonly code: FieldCode,
    message: string,
  ) {
    super(message);
  }
}

export type RecordReader = (input: AsyncIterable<Uint8Array>, defaults: FormatDefaults) => AsyncIterable<ImportRecord>;

/** Text of a stream of bytes, decoded as UTF-8 across chunk boundaries; a byte-order mark is dropped. */
export async function* utf8Text(input: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new ImportFormatError(null, 0, 'file', 'format', 'The file is not valid UTF-8');
    }
  };
  for await (const chunk of input) {
    const text = decode(chunk);
    if (text) yield text;
  }
  const rest = decode();
  if (rest) yield rest;
}

/** Longest line a line-based file may have: a guard against a file without line breaks. */
const MAX_LINE = 64 * 1024;

/** The lines of a stream of bytes (LF or CRLF), numbered from 1, without holding more than one. */
export async function* linesOf(input: AsyncIterable<Uint8Array>): AsyncIterable<{ line: number; text: string }> {
  let carried = '';
  let line = 0;
  for await (const text of utf8Text(input)) {
    const parts = (carried + text).split('\n');
    carried = parts.pop() ?? '';
    if (carried.length > MAX_LINE) throw new ImportFormatError(line + parts.length + 1, 0, 'line', 'too-long', 'A line is too long');
    for (const part of parts) yield { line: ++line, text: part.endsWith('\r') ? part.slice(0, -1) : part };
  }
  if (carried) yield { line: ++line, text: carried.endsWith('\r') ? carried.slice(0, -1) : carried };
}
