import { pipeline, Readable, Transform } from 'node:stream';
import parser from 'stream-json';
import pick from 'stream-json/filters/pick.js';
import streamArray from 'stream-json/streamers/stream-array.js';
import type { RawEntry } from '../entry-check.js';
import type { ExportedEntry } from '../entry-rows.js';
import type { LegalStatus } from '../model.js';
import { ImportFormatError, type FormatDefaults, type ImportRecord } from './record.js';

/**
 * Project VIC (VICS 2.0) JSON: an OData document `{ "@odata.context": "…#Media", "value": [ Media… ] }`.
 *
 * | Media field                               | becomes                                              |
 * | ----------------------------------------- | ---------------------------------------------------- |
 * | `MediaID`                                 | the entry's reference: a later file updates it       |
 * | `MD5`, `SHA1`                             | its hashes (upper or lower case)                     |
 * | `AlternativeHashes[]` `{HashName: "SHA256", HashValue}` | its SHA-256                            |
 * | `Category`                                | its legal status, see below                          |
 * | `DateUpdated`                             | its date                                             |
 *
 * Categories (the VICS US scheme): 1 (child abuse material) → the import's legal status
 * (`national` unless `baseline` is given), 2 (child exploitive, not abuse material; age
 * difficult) → `not_illegal`, 3 (CGI / animation) → `national`. Categories 0
 * (uncategorised or non-pertinent, depending on the country's scheme), 4 (comparison
 * images) and 5 (non-pertinent) carry nothing to match: skipped and counted. PhotoDNA and
 * the other fields are ignored. An export writes every entry that has an MD5.
 */
const categoryStatus = (category: number, defaults: FormatDefaults): LegalStatus | null =>
  category === 1 ? defaults.illegalStatus : category === 2 ? 'not_illegal' : category === 3 ? 'national' : null;

export const vicsContext = 'http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Media';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

function sha256Of(media: Json): string | undefined {
  const alternatives = media.AlternativeHashes;
  if (!Array.isArray(alternatives)) return undefined;
  const found = alternatives.find((h) => isObject(h) && /^sha-?256$/i.test(String(h.HashName ?? '')));
  return isObject(found) ? textOf(found.HashValue) : undefined;
}

function recordOf(media: unknown, index: number, defaults: FormatDefaults): ImportRecord {
  const record = index + 1;
  const at = `value[${index}]`;
  if (!isObject(media)) throw new ImportFormatError(null, record, at, 'type', `${at} is not an object`);
  const category = typeof media.Category === 'string' ? Number(media.Category) : media.Category;
  if (category !== undefined && category !== null && !Number.isInteger(category)) {
    throw new ImportFormatError(null, record, `${at}.Category`, 'type', `${at}.Category is not a number`);
  }
  const legalStatus = typeof category === 'number' ? categoryStatus(category, defaults) : null;
  const raw: RawEntry = { md5: textOf(media.MD5), sha1: textOf(media.SHA1), sha256: sha256Of(media) };
  if (legalStatus === null || (!raw.md5 && !raw.sha1 && !raw.sha256)) return { kind: 'skip', record, line: null };
  const reference = textOf(media.MediaID);
  const date = typeof media.DateUpdated === 'string' ? media.DateUpdated.slice(0, 10) : undefined;
  return {
    kind: 'entry',
    record,
    line: null,
    raw: { ...raw, legalStatus, reference, date },
    fields: {
      md5: `${at}.MD5`,
      sha1: `${at}.SHA1`,
      sha256: `${at}.AlternativeHashes`,
      legalStatus: `${at}.Category`,
      reference: `${at}.MediaID`,
      date: `${at}.DateUpdated`,
      hashes: `${at}.MD5`,
    },
  };
}

export async function* readVicsJson(input: AsyncIterable<Uint8Array>, defaults: FormatDefaults): AsyncIterable<ImportRecord> {
  // Counts the Media parsed whole, even those still buffered when bad JSON stops the pipeline.
  let parsed = 0;
  const counter = new Transform({
    objectMode: true,
    transform(item: { key: number }, _encoding, callback) {
      parsed = item.key + 1;
      callback(null, item);
    },
  });
  // pipeline destroys the last stream with the first error, which its iterator then throws.
  const items = pipeline(
    Readable.from(input),
    parser(),
    pick.asStream({ filter: 'value' }),
    streamArray.asStream(),
    counter,
    () => undefined,
  );
  try {
    for await (const item of items as AsyncIterable<{ key: number; value: unknown }>) yield recordOf(item.value, item.key, defaults);
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportFormatError(null, parsed + 1, 'json', 'format', `JSON, in value[${parsed}]: ${message}`);
  }
}

const categoryOf = (status: LegalStatus) => (status === 'not_illegal' ? 2 : 1);

export async function* writeVicsJson(entries: AsyncIterable<ExportedEntry>): AsyncIterable<string> {
  yield `{"@odata.context":${JSON.stringify(vicsContext)},"value":[`;
  let first = true;
  for await (const e of entries) {
    if (e.md5 === null) continue;
    const id = e.reference !== null && /^[0-9]{1,15}$/.test(e.reference) ? Number(e.reference) : Number(e.id);
    const media = {
      MediaID: id,
      Category: categoryOf(e.classification.legalStatus),
      MD5: e.md5.toUpperCase(),
      ...(e.sha1 ? { SHA1: e.sha1.toUpperCase() } : {}),
      ...(e.sha256 ? { AlternativeHashes: [{ HashName: 'SHA256', HashValue: e.sha256.toUpperCase() }] } : {}),
      DateUpdated: `${e.date}T00:00:00Z`,
    };
    yield `${first ? '\n' : ',\n'}${JSON.stringify(media)}`;
    first = false;
  }
  yield '\n]}\n';
}
