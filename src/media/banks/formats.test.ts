import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ExportedEntry } from './entry-rows.js';
import { ImportFormatError, readers, writers, type ImportRecord } from './formats/index.js';
import type { ImportFormat } from './model.js';

const hex = (digits: number) => randomBytes(digits / 2).toString('hex');
const defaults = { illegalStatus: 'national' } as const;

/** The text as a stream cut into pieces of `size` bytes, so that records straddle chunks. */
async function* chunks(text: string, size = 7): AsyncIterable<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(format: ImportFormat, text: string, size?: number): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const record of readers[format](chunks(text, size), defaults)) out.push(record);
  return out;
}

async function failure(format: ImportFormat, text: string): Promise<ImportFormatError> {
  try {
    await read(format, text);
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error('expected an ImportFormatError');
}

async function write(format: ImportFormat, entries: ExportedEntry[]): Promise<string> {
  let text = '';
  async function* source() {
    yield* entries;
  }
  for await (const piece of writers[format](source())) text += piece;
  return text;
}

function entry(overrides: Partial<ExportedEntry> = {}): ExportedEntry {
  return {
    id: '7',
    pdq: hex(64),
    pdqQuality: 88,
    md5: hex(32),
    sha1: hex(40),
    sha256: hex(64),
    classification: { legalStatus: 'national', industryCategory: 'B2', ageGroup: 'pubescent' },
    source: 'Hotline, "Exampleland"',
    date: '2024-02-29',
    reference: 'ref-1',
    enabled: true,
    ...overrides,
  };
}

describe('PDQ text lines', () => {
  it('reads hash,quality[,name] lines, ignoring names, blank lines and comments, with their line numbers', async () => {
    const [a, b] = [hex(64), hex(64)];
    const records = await read('pdq', `# from pdq-photo-hasher\n${a},100,some/file.jpg\n\n${b.toUpperCase()},49\r\n`);
    expect(records).toEqual([
      { kind: 'entry', record: 1, line: 2, raw: { pdq: a, pdqQuality: '100' }, fields: expect.any(Object) },
      { kind: 'entry', record: 2, line: 4, raw: { pdq: b.toUpperCase(), pdqQuality: '49' }, fields: expect.any(Object) },
    ]);
  });

  it('names the line of a line without its quality', async () => {
    expect(await failure('pdq', `${hex(64)},90\n${hex(64)}\n`)).toMatchObject({ line: 2, record: 2, field: 'quality', code: 'required' });
  });

  it('writes hash,quality for the entries with a PDQ hash, which reads back the same', async () => {
    const entries = [entry(), entry({ pdq: null, pdqQuality: null })];
    const text = await write('pdq', entries);
    expect(text).toBe(`${entries[0]!.pdq},88\n`);
    expect((await read('pdq', text))[0]).toMatchObject({ raw: { pdq: entries[0]!.pdq, pdqQuality: '88' } });
  });
});

describe('CSV', () => {
  it('reads a header then rows, any subset of the columns in any order, quoted cells included', async () => {
    const md5 = hex(32);
    const records = await read('csv', `\uFEFFreference,md5,source\n"a,1",${md5},"Said ""so"""\n`, 3);
    expect(records).toEqual([
      {
        kind: 'entry',
        record: 1,
        line: 2,
        raw: { reference: 'a,1', md5, source: 'Said "so"' },
        fields: expect.objectContaining({ md5: 'md5', pdqQuality: 'pdq_quality' }),
      },
    ]);
  });

  it('refuses an unknown or repeated column, and a file without a header', async () => {
    expect(await failure('csv', 'md5,colour\n')).toMatchObject({ line: 1, field: 'colour', code: 'unknown' });
    expect(await failure('csv', 'md5,MD5\n')).toMatchObject({ line: 1, code: 'invalid' });
    expect(await failure('csv', '')).toMatchObject({ field: 'header', code: 'required' });
  });

  it('names the line of a row with too many cells or a broken quote', async () => {
    expect(await failure('csv', `md5\n${hex(32)}\n${hex(32)},x\n`)).toMatchObject({ line: 3, record: 2 });
    expect(await failure('csv', `md5\n"${hex(32)}\n`)).toBeInstanceOf(ImportFormatError);
  });

  it('refuses a file that is not UTF-8', async () => {
    async function* latin1(): AsyncIterable<Uint8Array> {
      yield Buffer.from('md5\nd\xe9j\xe0\n', 'latin1');
    }
    let caught: unknown;
    try {
      for await (const record of readers.csv(latin1(), defaults)) expect(record).toBeUndefined();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ field: 'file', code: 'format' });
  });

  it('writes every column, and reads its own export back', async () => {
    const e = entry();
    const text = await write('csv', [e]);
    expect(text.split('\n')[0]).toBe(
      'pdq,pdq_quality,md5,sha1,sha256,legal_status,industry_category,age_group,source,date,reference,enabled',
    );
    const [back] = await read('csv', text);
    expect(back).toMatchObject({
      raw: {
        pdq: e.pdq,
        pdqQuality: '88',
        md5: e.md5,
        sha1: e.sha1,
        sha256: e.sha256,
        legalStatus: 'national',
        industryCategory: 'B2',
        ageGroup: 'pubescent',
        source: 'Hotline, "Exampleland"',
        date: '2024-02-29',
        reference: 'ref-1',
        enabled: 'true',
      },
    });
  });
});

const ncmec = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2">\n${body}\n</queryResult>`;

describe('NCMEC hash-sharing XML', () => {
  it('reads images and videos, with their id, member, time, classification and fingerprints; withdrawals; skips entries without a known hash', async () => {
    const [md5, sha1, md5b] = [hex(32), hex(40), hex(32)];
    const xml = ncmec(`<images count="3" maxTimestamp="2024-10-24T15:10:00Z">
  <image>
    <member id="42">Example Member</member>
    <timestamp>2024-10-24T15:00:00Z</timestamp>
    <id>image1</id>
    <classification>A1</classification>
    <fingerprints><md5>${md5}</md5><sha1>${sha1}</sha1><pdna>AAAA</pdna></fingerprints>
    <feedback><affirmativeFeedback type="Md5"><members><member id="43">Other</member></members></affirmativeFeedback></feedback>
  </image>
  <image><member id="42">Example Member</member><timestamp>2024-10-24T15:01:00Z</timestamp><id>image2</id><fingerprints><pdna>AAAA</pdna></fingerprints></image>
  <deletedImage><member id="42">Example Member</member><id>image0</id><timestamp>2024-10-24T15:10:00Z</timestamp></deletedImage>
</images>
<videos count="1" maxTimestamp="2024-10-24T15:20:00Z">
  <video><member id="42">Example Member</member><timestamp>2024-10-25T01:00:00Z</timestamp><id>video1</id><fingerprints><md5>${md5b}</md5></fingerprints></video>
</videos>
<paging><next>/v2/entries?start=2</next></paging>`);
    const records = await read('ncmec-xml', xml, 11);
    expect(records).toEqual([
      {
        kind: 'entry',
        record: 1,
        line: 4,
        raw: { md5, sha1, sha256: undefined, industryCategory: 'A1', source: 'Example Member', date: '2024-10-24', reference: 'image1' },
        fields: expect.objectContaining({ md5: 'fingerprints/md5', industryCategory: 'classification' }),
      },
      { kind: 'skip', record: 2, line: 12 },
      { kind: 'withdraw', record: 3, line: 13, reference: 'image0' },
      expect.objectContaining({
        kind: 'entry',
        record: 4,
        raw: expect.objectContaining({ md5: md5b, reference: 'video1', date: '2024-10-25' }),
      }),
    ]);
  });

  it('names the line of malformed XML, and refuses an entry without its id', async () => {
    expect(await failure('ncmec-xml', ncmec('<images>\n<image><id>x</id>\n</images>'))).toMatchObject({
      line: 5,
      field: 'xml',
      code: 'format',
    });
    expect(
      await failure('ncmec-xml', ncmec(`<images><image><fingerprints><md5>${hex(32)}</md5></fingerprints></image></images>`)),
    ).toMatchObject({
      field: 'id',
      code: 'required',
    });
  });

  it('does not expand entities declared in the file', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaaaaaaaa">]><queryResult><images><image><id>&a;</id><fingerprints><md5>${hex(32)}</md5></fingerprints></image></images></queryResult>`;
    expect(await failure('ncmec-xml', xml)).toMatchObject({ field: 'xml' });
  });

  it('writes its own format, which reads back the same', async () => {
    const e = entry({ reference: 'a<b&c' });
    const [back] = await read('ncmec-xml', await write('ncmec-xml', [e, entry({ md5: null, sha1: null })]));
    expect(back).toMatchObject({ raw: { md5: e.md5, sha1: e.sha1, industryCategory: 'B2', date: '2024-02-29', reference: 'a<b&c' } });
  });
});

const vics = (values: unknown[]) =>
  JSON.stringify({ '@odata.context': 'http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media', value: values });

describe('Project VIC (VICS) JSON', () => {
  it('reads the Media of the value array: MediaID, MD5, SHA1, a SHA-256 alternative hash, the category and the date', async () => {
    const [md5, sha1, sha256] = [hex(32).toUpperCase(), hex(40).toUpperCase(), hex(64)];
    const records = await read(
      'vics-json',
      vics([
        {
          MediaID: 1,
          Category: 1,
          MD5: md5,
          SHA1: sha1,
          MediaSize: 2835,
          DateUpdated: '2023-06-07T02:31:49.8300Z',
          IsPrecategorized: 'false',
          AlternativeHashes: [{ HashName: 'SHA256', HashValue: sha256 }],
        },
        { MediaID: 2, Category: 2, MD5: hex(32) },
        { MediaID: 3, Category: 3, MD5: hex(32), Series: 'a "tricky" ] } string' },
        { MediaID: 4, Category: 0, MD5: hex(32) },
        { MediaID: 5, Category: 5, MD5: hex(32) },
        { MediaID: 6, Category: 1, PhotoDNA: 'AAAA' },
      ]),
      5,
    );
    expect(records[0]).toEqual({
      kind: 'entry',
      record: 1,
      line: null,
      raw: { md5, sha1, sha256, legalStatus: 'national', reference: '1', date: '2023-06-07' },
      fields: expect.objectContaining({ md5: 'value[0].MD5', legalStatus: 'value[0].Category' }),
    });
    expect(records.slice(1).map((r) => (r.kind === 'entry' ? r.raw.legalStatus : r.kind))).toEqual([
      'not_illegal',
      'national',
      'skip',
      'skip',
      'skip',
    ]);
  });

  it('names the record of a value that is not a Media object, and of broken JSON', async () => {
    expect(await failure('vics-json', vics([{ MediaID: 1, Category: 1, MD5: hex(32) }, 'x']))).toMatchObject({
      record: 2,
      field: 'value[1]',
      code: 'type',
    });
    // Chunks of 7 bytes: the two Media are parsed whole in chunks before the one that breaks.
    expect(await failure('vics-json', '{"value":[{"MD5":"ab"},         {"MD5":"cd"},          {]}')).toMatchObject({
      record: 3,
      field: 'json',
      code: 'format',
    });
  });

  it('writes VICS 2.0 Media with upper-case hashes, which reads back the same', async () => {
    const e = entry({ reference: '123' });
    const text = await write('vics-json', [
      e,
      entry({ md5: null }),
      entry({ id: '9', reference: 'x', classification: { legalStatus: 'not_illegal', industryCategory: null, ageGroup: null } }),
    ]);
    const parsed = JSON.parse(text) as { value: { MediaID: number; Category: number; MD5: string }[] };
    expect(parsed.value.map((m) => [m.MediaID, m.Category])).toEqual([
      [123, 1],
      [9, 2],
    ]);
    const [back] = await read('vics-json', text);
    expect(back).toMatchObject({
      raw: { md5: e.md5!.toUpperCase(), sha1: e.sha1!.toUpperCase(), sha256: e.sha256!.toUpperCase(), reference: '123' },
    });
  });
});

describe('streaming', () => {
  it.each(['pdq', 'csv', 'ncmec-xml', 'vics-json'] as const)(
    '%s: yields the first record before the input is read whole',
    async (format) => {
      const md5 = hex(32);
      const pdq = hex(64);
      const one: Record<ImportFormat, [string, string]> = {
        pdq: ['', `${pdq},90\n`],
        csv: ['md5\n', `${md5}\n`],
        'ncmec-xml': ['<queryResult><images>', `<image><id>i</id><fingerprints><md5>${md5}</md5></fingerprints></image>`],
        'vics-json': ['{"value":[', `{"MediaID":1,"Category":1,"MD5":"${md5}"},`],
      };
      const [head, body] = one[format];
      let served = 0;
      // An endless input: a reader that waited for the end would never yield.
      async function* endless(): AsyncIterable<Uint8Array> {
        yield Buffer.from(head);
        for (;;) {
          served++;
          yield Buffer.from(body.repeat(64));
          if (served > 10_000) throw new Error('read far ahead');
        }
      }
      const iterator = readers[format](endless(), defaults)[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value).toMatchObject({ kind: 'entry', record: 1 });
      expect(served).toBeLessThan(200);
      await iterator.return?.();
    },
  );
});
