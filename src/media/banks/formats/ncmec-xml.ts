import { SaxesParser } from 'saxes';
import type { RawEntry } from '../entry-check.js';
import type { ExportedEntry } from '../entry-rows.js';
import { ImportFormatError, utf8Text, type EntryFieldNames, type ImportRecord } from './record.js';

/**
 * NCMEC hash-sharing XML (`queryResult`, namespace https://hashsharing.ncmec.org/hashsharing/v2):
 * `images`/`videos` hold `image`/`video` entries and `deletedImage`/`deletedVideo` withdrawals.
 *
 * | element                      | becomes                                                      |
 * | ---------------------------- | ------------------------------------------------------------ |
 * | `id`                         | the entry's reference (required): a later file updates it    |
 * | `member`                     | its source (the member organisation that shared it)          |
 * | `timestamp`                  | its date                                                     |
 * | `classification`             | its industry category (A1, A2, B1, B2), hence its age group  |
 * | `fingerprints/md5`, `/sha1`  | its hashes (`sha256` too if present; others, such as PhotoDNA, are ignored) |
 * | `deletedImage`, `deletedVideo` | the entry with that `id` is disabled                       |
 *
 * An entry without an MD5, SHA-1 or SHA-256 (only a PhotoDNA, say) is skipped and counted.
 * The legal status is the import's default (the bank purpose's). No DTD or entity is
 * expanded. An export writes one `image` per entry that has an MD5 or a SHA-1.
 */
const entryElements = new Set(['image', 'video']);
const withdrawalElements = new Set(['deletedImage', 'deletedVideo']);
const fingerprintFields = { md5: 'md5', sha1: 'sha1', sha256: 'sha256' } as const;
const fieldNames: EntryFieldNames = {
  md5: 'fingerprints/md5',
  sha1: 'fingerprints/sha1',
  sha256: 'fingerprints/sha256',
  industryCategory: 'classification',
  ageGroup: 'classification',
  date: 'timestamp',
  source: 'member',
  reference: 'id',
  hashes: 'fingerprints',
};

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

interface Current {
  kind: 'entry' | 'withdraw';
  line: number;
  /** Depth of the entry's element: its fields are its children, its hashes its fingerprints' children. */
  depth: number;
  values: Record<string, string>;
}

export async function* readNcmecXml(input: AsyncIterable<Uint8Array>): AsyncIterable<ImportRecord> {
  const parser = new SaxesParser({ position: true });
  const ready: ImportRecord[] = [];
  const path: string[] = [];
  let current: Current | null = null;
  let text = '';
  let record = 0;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const parent = path[path.length - 1];
    path.push(name);
    text = '';
    if (current === null && (parent === 'images' || parent === 'videos')) {
      if (entryElements.has(name)) current = { kind: 'entry', line: parser.line, depth: path.length, values: {} };
      else if (withdrawalElements.has(name)) current = { kind: 'withdraw', line: parser.line, depth: path.length, values: {} };
    }
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    path.pop();
    if (current === null) return;
    const parent = path[path.length - 1];
    if (entryElements.has(name) || withdrawalElements.has(name)) {
      if (parent === 'images' || parent === 'videos') {
        ready.push(recordOf(current, ++record));
        current = null;
      }
      return;
    }
    const value = text.trim();
    if (parent === 'fingerprints' && path.length === current.depth + 1 && name in fingerprintFields) current.values[name] = value;
    else if (path.length === current.depth && ['id', 'member', 'timestamp', 'classification'].includes(name)) current.values[name] = value;
    text = '';
  });

  try {
    for await (const chunk of utf8Text(input)) {
      parser.write(chunk);
      yield* ready.splice(0);
    }
    parser.close();
    yield* ready.splice(0);
  } catch (error) {
    if (error instanceof ImportFormatError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportFormatError(parser.line, record + 1, 'xml', 'format', `XML: ${message}`);
  }
}

function recordOf(current: Current, record: number): ImportRecord {
  const { values, line } = current;
  const reference = values.id ?? '';
  if (current.kind === 'withdraw') {
    if (reference === '') throw new ImportFormatError(line, record, 'id', 'required', `Line ${line}: a deleted entry without its id`);
    return { kind: 'withdraw', record, line, reference };
  }
  if (!values.md5 && !values.sha1 && !values.sha256) return { kind: 'skip', record, line };
  const raw: RawEntry = {
    md5: values.md5,
    sha1: values.sha1,
    sha256: values.sha256,
    industryCategory: values.classification,
    source: values.member,
    date: values.timestamp?.slice(0, 10),
    reference: reference === '' ? undefined : reference,
  };
  if (reference === '') throw new ImportFormatError(line, record, 'id', 'required', `Line ${line}: an entry without its id`);
  return { kind: 'entry', record, line, raw, fields: fieldNames };
}

const escapeXml = (value: string) =>
  value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export async function* writeNcmecXml(entries: AsyncIterable<ExportedEntry>): AsyncIterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2">\n  <images>\n';
  for await (const e of entries) {
    if (e.md5 === null && e.sha1 === null) continue;
    const parts = [
      `      <timestamp>${e.date}T00:00:00Z</timestamp>`,
      `      <id>${escapeXml(e.reference ?? `vigie-${e.id}`)}</id>`,
      ...(e.classification.industryCategory ? [`      <classification>${e.classification.industryCategory}</classification>`] : []),
      '      <fingerprints>',
      ...(e.md5 ? [`        <md5>${e.md5}</md5>`] : []),
      ...(e.sha1 ? [`        <sha1>${e.sha1}</sha1>`] : []),
      '      </fingerprints>',
    ];
    yield `    <image>\n${parts.join('\n')}\n    </image>\n`;
  }
  yield '  </images>\n</queryResult>\n';
}
