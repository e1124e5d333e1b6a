import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashImageBytes, toHex } from '../../src/media/hashing/index.js';
import { signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import {
  auditEntries,
  createBankTestVigie,
  createBankThroughApi,
  flipBits,
  randomHex,
  syntheticPng,
  system,
  type BankTestVigie,
  type SecondVigie,
} from './support.js';
import { pngBomb } from '../pdq/media-files.js';

let bankVigie: BankTestVigie;
let t: TestVigie;
let worker: SecondVigie;
let senior: StaffSession;
let analyst: StaffSession;
let partner: Record<string, string>;

beforeAll(async () => {
  bankVigie = await createBankTestVigie();
  ({ t, worker, senior } = bankVigie);
  analyst = await signInAs(t, ['analyst']);
  const organisation = await t.vigie.identity.createOrganisation(system, { name: 'Example Platform', kind: 'partner' });
  const { secret } = await t.vigie.identity.createApiKey(system, {
    organisationId: organisation.id,
    name: 'lookups',
    scopes: ['match.lookup'],
  });
  partner = { authorization: `Bearer ${secret}` };
}, 120_000);
afterAll(() => bankVigie?.close());

const inject = (options: InjectOptions) => t.vigie.app.inject(options);

const createBank = (name: string, purpose = 'national') =>
  createBankThroughApi(t, senior, { name, purpose, source: 'Hotline of Exampleland' });

const lookup = (hashes: object[], headers = partner) => inject({ method: 'POST', url: '/api/match', headers, payload: { hashes } });

describe('banks and entries through the API', () => {
  it('a hash added through the API matches on the very next lookup, and the lookup is audited', async () => {
    const bankId = await createBank('National list');
    const pdq = randomHex(64);
    const before = await lookup([{ pdq, pdqQuality: 90 }]);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().results[0].matches).toEqual([]);

    const added = await inject({
      method: 'POST',
      url: `/api/banks/${bankId}/entries`,
      headers: senior.headers,
      payload: { pdq, pdqQuality: 95, industryCategory: 'B1', reference: 'N-1' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const entryId = added.json().id as string;

    const after = await lookup([{ pdq: flipBits(pdq, 20), pdqQuality: 90 }, { md5: randomHex(32) }]);
    expect(after.json().results).toEqual([
      {
        matches: [
          {
            bankId,
            bankName: 'National list',
            purpose: 'national',
            entryId,
            kind: 'pdq',
            distance: 20,
            classification: { legalStatus: 'national', industryCategory: 'B1', ageGroup: 'pubescent' },
          },
        ],
        suppressed: [],
        suppressedBy: [],
        suppressions: [],
        pdqChecked: true,
      },
      { matches: [], suppressed: [], suppressedBy: [], suppressions: [], pdqChecked: false },
    ]);
    const audited = (await auditEntries(t.vigie.store, 'match.lookup')).map((e) => e.detail as Record<string, unknown>);
    expect(audited).toContainEqual({ sent: 'hashes', queries: 2, queriesMatched: 1, matchedEntries: [entryId], suppressedEntries: [] });
    expect(audited.every((detail) => !JSON.stringify(detail).includes(pdq))).toBe(true);
    const adds = await auditEntries(t.vigie.store, 'bank.entry-add');
    expect(adds).toContainEqual(expect.objectContaining({ subject_id: entryId, actor_type: 'user' }));
  });

  it('a hash disabled through the API stops matching on the very next lookup, in another process too', async () => {
    const bankId = await createBank('Disabled soon');
    const md5 = randomHex(32);
    const entry = await inject({ method: 'POST', url: `/api/banks/${bankId}/entries`, headers: senior.headers, payload: { md5 } });
    const entryId = entry.json().id as string;
    const matchedElsewhere = async () => (await worker.vigie.detection.match([{ md5 }]))[0]!.matches.length;
    expect(await matchedElsewhere()).toBe(1);
    const disabled = await inject({
      method: 'PATCH',
      url: `/api/banks/${bankId}/entries/${entryId}`,
      headers: senior.headers,
      payload: { enabled: false },
    });
    expect(disabled.json().enabled).toBe(false);
    expect((await lookup([{ md5 }])).json().results[0].matches).toEqual([]);
    expect(await matchedElsewhere()).toBe(0);
    expect(await auditEntries(t.vigie.store, 'bank.entry-disable')).toContainEqual(expect.objectContaining({ subject_id: entryId }));
  });

  it('lists, reads, renames and disables banks, each change audited', async () => {
    const bankId = await createBank('Renamed later');
    const list = await inject({ method: 'GET', url: '/api/banks', headers: analyst.headers });
    expect(list.json().banks.map((b: { id: string }) => b.id)).toContain(bankId);
    const renamed = await inject({
      method: 'PATCH',
      url: `/api/banks/${bankId}`,
      headers: senior.headers,
      payload: { name: 'Renamed', enabled: false },
    });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', enabled: false, purpose: 'national' });
    const detail = await inject({ method: 'GET', url: `/api/banks/${bankId}`, headers: analyst.headers });
    expect(detail.json()).toMatchObject({ name: 'Renamed', counts: { entries: 0, enabled: 0, pdq: 0 } });
    expect(await auditEntries(t.vigie.store, 'bank.disable')).toContainEqual(
      expect.objectContaining({ subject_id: bankId, detail: { fields: ['name', 'enabled'] } }),
    );
  });

  it('refuses bad input with a problem naming the field, and stores nothing', async () => {
    const bankId = await createBank('Strict');
    const bad = async (url: string, payload: object, pointer: string, status = 400) => {
      const response = await inject({ method: 'POST', url, headers: senior.headers, payload });
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    };
    await bad(`/api/banks/${bankId}/entries`, { pdq: randomHex(64) }, '#/pdqQuality');
    await bad(`/api/banks/${bankId}/entries`, { md5: 'xyz' }, '#/md5');
    await bad(`/api/banks/${bankId}/entries`, { legalStatus: 'national' }, '#');
    await bad(`/api/banks/${bankId}/entries`, { md5: randomHex(32), industryCategory: 'A1', ageGroup: 'pubescent' }, '#/ageGroup');
    await bad(`/api/banks/${bankId}/entries`, { md5: randomHex(32), date: '2024-02-30' }, '#/date');
    await bad('/api/banks', { name: 'strict', purpose: 'national', source: 'x' }, '#/name', 409);
    await bad('/api/banks', { name: 'Other', purpose: 'illegal', source: 'x' }, '#/purpose');
    await inject({
      method: 'POST',
      url: `/api/banks/${bankId}/entries`,
      headers: senior.headers,
      payload: { md5: randomHex(32), reference: 'R' },
    });
    await bad(`/api/banks/${bankId}/entries`, { md5: randomHex(32), reference: 'R' }, '#/reference', 409);
    const detail = await inject({ method: 'GET', url: `/api/banks/${bankId}`, headers: senior.headers });
    expect(detail.json().counts.entries).toBe(1);
    await bad('/api/match', { hashes: [{ pdqQuality: 80 }] }, '#/hashes/0');
    await bad('/api/match', { hashes: [{ md5: randomHex(31) }] }, '#/hashes/0/md5');
    await bad('/api/match', { hashes: Array.from({ length: 1001 }, () => ({ md5: randomHex(32) })) }, '#/hashes');
  });
});

describe('/api/match with a file', () => {
  it('hashes an image sent as the body or as a multipart file, answers its matches and its hashes, and keeps nothing of it', async () => {
    const bankId = await createBank('From images');
    const png = await syntheticPng('noise-300x171x3');
    const hashed = await hashImageBytes(png);
    const pdq = toHex(hashed.pdq);
    await t.vigie.banks.addEntry(system, bankId, { pdq, pdqQuality: hashed.quality, sha256: hashed.sha256 });

    const raw = await inject({ method: 'POST', url: '/api/match', headers: { ...partner, 'content-type': 'image/png' }, payload: png });
    expect(raw.statusCode, raw.body).toBe(200);
    expect(raw.json().hashes).toEqual([{ pdq, pdqQuality: hashed.quality, md5: hashed.md5, sha1: hashed.sha1, sha256: hashed.sha256 }]);
    expect(raw.json().results[0].matches.map((m: { kind: string }) => m.kind)).toEqual(['sha256']);

    const boundary = 'vigie-test-boundary';
    const form = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const multipart = await inject({
      method: 'POST',
      url: '/api/match',
      headers: { ...analyst.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: form,
    });
    expect(multipart.statusCode, multipart.body).toBe(200);
    expect(multipart.json().results[0].matches).toHaveLength(1);
    const audited = await auditEntries(t.vigie.store, 'match.lookup');
    expect(audited.filter((e) => (e.detail as { sent: string }).sent === 'file')).toHaveLength(2);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from hash_bank_import_chunks`.execute(t.vigie.store.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('does not match by PDQ an image below the quality floor, and says so', async () => {
    const bankId = await createBank('Low quality');
    const png = await syntheticPng('lowcontrast-300x171x3');
    const hashed = await hashImageBytes(png);
    await t.vigie.banks.addEntry(system, bankId, { pdq: toHex(hashed.pdq), pdqQuality: 100 });
    const response = await inject({
      method: 'POST',
      url: '/api/match',
      headers: { ...partner, 'content-type': 'image/png' },
      payload: png,
    });
    expect(response.json().hashes[0].pdqQuality).toBeLessThan(50);
    expect(response.json().results[0]).toMatchObject({ matches: [], pdqChecked: false });
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const raw = await inject({
      method: 'POST',
      url: '/api/match',
      headers: { ...partner, 'content-type': 'image/png' },
      payload: pngBomb(30_000, 30_000),
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().errors[0].pointer).toBe('#');
  });

  it('refuses what is not an image, naming the field', async () => {
    const raw = await inject({
      method: 'POST',
      url: '/api/match',
      headers: { ...partner, 'content-type': 'image/png' },
      payload: Buffer.from('not a picture'),
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().errors[0].pointer).toBe('#');
    const text = await inject({
      method: 'POST',
      url: '/api/match',
      headers: { ...partner, 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    const boundary = 'b';
    const wrongField = await inject({
      method: 'POST',
      url: '/api/match',
      headers: { ...partner, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="x.png"\r\n\r\nxx\r\n--${boundary}--\r\n`,
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().errors[0].pointer).toBe('#/file');
  });
});

describe('access', () => {
  it('partners look up but never read banks; analysts read but do not manage or export', async () => {
    const bankId = await createBank('Guarded');
    expect((await inject({ method: 'GET', url: '/api/banks', headers: partner })).statusCode).toBe(403);
    expect((await inject({ method: 'GET', url: `/api/banks/${bankId}/export?format=csv`, headers: analyst.headers })).statusCode).toBe(403);
    expect(
      (await inject({ method: 'POST', url: `/api/banks/${bankId}/entries`, headers: analyst.headers, payload: { md5: randomHex(32) } }))
        .statusCode,
    ).toBe(403);
    expect((await lookup([{ md5: randomHex(32) }], analyst.headers)).statusCode).toBe(200);
  });
});
