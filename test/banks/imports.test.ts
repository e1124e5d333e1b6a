import type { InjectOptions } from 'fastify';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/wait-for.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { auditEntries, createBankTestVigie, createBankThroughApi, flipBits, randomHex, system, type BankTestVigie } from './support.js';

let bankVigie: BankTestVigie;
let t: TestVigie;
let senior: StaffSession;

beforeAll(async () => {
  // The import jobs run in another Vigie, as in a deployment with worker processes.
  bankVigie = await createBankTestVigie();
  ({ t, senior } = bankVigie);
}, 120_000);
afterAll(() => bankVigie?.close());

const inject = (options: InjectOptions) => t.vigie.app.inject(options);

const createBank = (name: string, purpose = 'national') =>
  createBankThroughApi(t, senior, { name, purpose, source: 'Partner of Exampleland' });

interface ImportView {
  id: string;
  status: string;
  progress: { phase: string; bytesRead: number; totalBytes: number; records: number; applied: number };
  counts: { inserted: number; updated: number; disabled: number; skipped: number };
  errorCount: number;
  errors: { line: number | null; record: number; field: string; code: string; title: string }[];
}

async function upload(bankId: string, query: string, body: string | Buffer, contentType = 'text/plain'): Promise<ImportView> {
  const response = await inject({
    method: 'POST',
    url: `/api/banks/${bankId}/imports?${query}`,
    headers: { ...senior.headers, 'content-type': contentType },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(202);
  expect(response.headers.location).toBe(`/api/banks/${bankId}/imports/${response.json().id}`);
  return response.json() as ImportView;
}

async function finished(bankId: string, importId: string, language = 'en'): Promise<ImportView> {
  let view: ImportView | undefined;
  await waitFor(
    'the import to finish',
    async () => {
      const response = await inject({
        method: 'GET',
        url: `/api/banks/${bankId}/imports/${importId}`,
        headers: { ...senior.headers, 'accept-language': language },
      });
      view = response.json() as ImportView;
      return view.status === 'succeeded' || view.status === 'failed';
    },
    60_000,
  );
  return view!;
}

async function entriesOf(
  bankId: string,
): Promise<{ id: string; md5: string | null; pdq: string | null; reference: string | null; enabled: boolean; classification: object }[]> {
  const response = await inject({ method: 'GET', url: `/api/banks/${bankId}/entries?limit=500`, headers: senior.headers });
  return response.json().entries;
}

describe('imports through the API, run by a worker', () => {
  it('imports PDQ lines in the background, shows its progress and counts, audits it once, and its hashes match at once', async () => {
    const bankId = await createBank('PDQ list');
    const hashes = Array.from({ length: 3000 }, () => randomHex(64));
    const file = `${hashes.map((h, i) => `${h},${50 + (i % 51)},image-${i}.jpg`).join('\n')}\n`;
    const started = await upload(bankId, 'format=pdq&industryCategory=A2', file);
    expect(started).toMatchObject({ status: 'queued', progress: { phase: 'waiting', totalBytes: Buffer.byteLength(file) } });
    const done = await finished(bankId, started.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      progress: { phase: 'done', records: 3000, applied: 3000, totalBytes: Buffer.byteLength(file) },
      counts: { inserted: 3000, updated: 0, disabled: 0, skipped: 0 },
      errorCount: 0,
    });
    const [result] = await t.vigie.detection.match([{ pdq: flipBits(hashes[2999]!, 7) }]);
    expect(result!.matches[0]).toMatchObject({
      kind: 'pdq',
      distance: 7,
      classification: { legalStatus: 'national', industryCategory: 'A2', ageGroup: 'prepubescent' },
    });
    const audits = (await auditEntries(t.vigie.store, 'bank.import')).filter((a) => a.subject_id === bankId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_type: 'user',
      detail: { importId: started.id, format: 'pdq', status: 'succeeded', records: 3000, inserted: 3000, errors: 0 },
    });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from hash_bank_import_chunks`.execute(t.vigie.store.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a file with invalid lines whole: stores nothing, names each line and field in the requester’s language', async () => {
    const bankId = await createBank('CSV list');
    const csv = [
      'md5,legal_status,industry_category,date',
      `${randomHex(32)},baseline,A1,2024-01-02`,
      `${randomHex(31)},national,,2024-01-02`,
      `${randomHex(32)},illegal,C3,2024-13-01`,
    ].join('\n');
    const started = await upload(bankId, 'format=csv', csv, 'text/csv');
    const done = await finished(bankId, started.id, 'fr');
    expect(done.status).toBe('failed');
    expect(done.errorCount).toBe(4);
    expect(done.errors.map(({ line, record, field, code }) => [line, record, field, code])).toEqual([
      [3, 2, 'md5', 'format'],
      [4, 3, 'legal_status', 'choice'],
      [4, 3, 'industry_category', 'choice'],
      [4, 3, 'date', 'format'],
    ]);
    expect(done.errors[0]!.title).toBe("Cette valeur n'a pas le format attendu");
    expect(await entriesOf(bankId)).toEqual([]);
    expect((await auditEntries(t.vigie.store, 'bank.import')).filter((a) => a.subject_id === bankId)).toMatchObject([
      { detail: { status: 'failed', errors: 4 } },
    ]);
  });

  it('takes a multipart upload; a second NCMEC file updates entries by their id and disables the deleted ones', async () => {
    const bankId = await createBank('NCMEC list', 'baseline');
    const [md5a, md5b, md5c] = [randomHex(32), randomHex(32), randomHex(32)];
    const image = (id: string, md5: string, classification = 'A1') =>
      `<image><member id="7">Example Member</member><timestamp>2024-05-01T10:00:00Z</timestamp><id>${id}</id><classification>${classification}</classification><fingerprints><md5>${md5}</md5></fingerprints></image>`;
    const xml = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2"><images>${body}</images></queryResult>`;
    const boundary = 'vigie-boundary';
    const form = (content: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="entries.xml"\r\nContent-Type: application/xml\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    const first = await upload(
      bankId,
      'format=ncmec-xml',
      form(xml(image('a', md5a) + image('b', md5b))),
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(await finished(bankId, first.id)).toMatchObject({ status: 'succeeded', counts: { inserted: 2 } });
    const second = await upload(
      bankId,
      'format=ncmec-xml',
      xml(image('a', md5c, 'B2') + '<deletedImage><id>b</id></deletedImage>'),
      'application/xml',
    );
    expect(await finished(bankId, second.id)).toMatchObject({ status: 'succeeded', counts: { inserted: 0, updated: 1, disabled: 1 } });
    const entries = await entriesOf(bankId);
    expect(entries.map((e) => [e.reference, e.md5, e.enabled])).toEqual([
      ['a', md5c, true],
      ['b', md5b, false],
    ]);
    expect(entries[0]!.classification).toEqual({ legalStatus: 'baseline', industryCategory: 'B2', ageGroup: 'pubescent' });
    const matches = await t.vigie.detection.match([{ md5: md5a }, { md5: md5b }, { md5: md5c }]);
    expect(matches.map((r) => r.matches.length)).toEqual([0, 0, 1]);
  });

  it('refuses an upload over the size limit with 413, storing nothing', async () => {
    const small = await createTestVigie({ VIGIE_BANK_IMPORT_MAX_BYTES: '2048' });
    try {
      const admin = await signInAs(small, ['administrator']);
      const bank = await small.vigie.app.inject({
        method: 'POST',
        url: '/api/banks',
        headers: admin.headers,
        payload: { name: 'Small', purpose: 'national', source: 'x' },
      });
      const response = await small.vigie.app.inject({
        method: 'POST',
        url: `/api/banks/${bank.json().id}/imports?format=pdq`,
        headers: { ...admin.headers, 'content-type': 'text/plain' },
        payload: `${randomHex(64)},90\n`.repeat(40),
      });
      expect(response.statusCode).toBe(413);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from hash_bank_imports`.execute(small.vigie.store.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe('an import run twice at once', () => {
  it('writes each record once: a second runner finds the batch claimed and stops', async () => {
    const bankId = await createBank('Raced');
    const dir = await mkdtemp(path.join(tmpdir(), 'vigie-race-'));
    try {
      const file = path.join(dir, 'list.txt');
      await writeFile(file, Array.from({ length: 5000 }, () => `${randomHex(64)},90`).join('\n'));
      const started = await t.vigie.banks.startImport(system, bankId, { format: 'pdq' }, { path: file, size: (await stat(file)).size });
      // Two runners here, and the worker's own, all on the same import.
      await Promise.allSettled([t.vigie.banks.runImportJob(started.id), t.vigie.banks.runImportJob(started.id)]);
      expect(await finished(bankId, started.id)).toMatchObject({ status: 'succeeded', counts: { inserted: 5000 } });
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from hash_bank_entries where bank_id = ${bankId}`.execute(
        t.vigie.store.db,
      );
      expect(rows[0]!.n).toBe(5000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('exports', () => {
  it.each(['csv', 'pdq', 'ncmec-xml', 'vics-json'] as const)(
    '%s: streams a bank that imports back into another bank as the same entries',
    async (format) => {
      const source = await createBank(`Export ${format}`);
      for (let i = 0; i < 5; i++) {
        await t.vigie.banks.addEntry({ actorType: 'system', actorId: null }, source, {
          pdq: randomHex(64),
          pdqQuality: 60 + i,
          md5: randomHex(32),
          sha1: randomHex(40),
          sha256: randomHex(64),
          industryCategory: 'A1',
          reference: String(1000 + i),
          date: '2024-03-0' + (i + 1),
        });
      }
      const exported = await inject({ method: 'GET', url: `/api/banks/${source}/export?format=${format}`, headers: senior.headers });
      expect(exported.statusCode, exported.body).toBe(200);
      expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="Export-/);
      const target = await createBank(`Reimport ${format}`);
      const started = await upload(target, `format=${format}`, exported.body, 'application/octet-stream');
      expect(await finished(target, started.id)).toMatchObject({ status: 'succeeded', counts: { inserted: 5 } });
      const kept: Record<typeof format, (keyof Awaited<ReturnType<typeof entriesOf>>[number])[]> = {
        csv: ['pdq', 'md5', 'reference', 'classification'],
        pdq: ['pdq'],
        'ncmec-xml': ['md5', 'reference'],
        'vics-json': ['md5', 'reference'],
      };
      const pick = (entries: Awaited<ReturnType<typeof entriesOf>>) =>
        entries.map((e) => Object.fromEntries(kept[format].map((k) => [k, e[k]])));
      expect(pick(await entriesOf(target))).toEqual(pick(await entriesOf(source)));
      expect((await auditEntries(t.vigie.store, 'bank.export')).filter((a) => a.subject_id === source)).toMatchObject([
        { detail: { format, entries: 5 } },
      ]);
    },
  );
});
