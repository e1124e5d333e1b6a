import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, partnerHeaders } from '../support/agencies.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { assessAndConfirm, baselineImagery } from '../support/assessment.js';
import { runCli } from '../support/cli.js';
import { serverUrl } from '../support/store.js';

/**
 * Issue 6, part 4: the contribution package holds the hashes and classification of media of
 * reports assessed illegal (twice confirmed) and of own banks' entries — never a picture's
 * bytes, a file name, a URL, a narrative or anything about a person.
 */
let t: TestVigie;
let partner: Record<string, string>;
let analysts: [StaffSession, StaffSession];
let admin: StaffSession;
let image: Buffer;
let banks: { own: string; partner: string };
const reportIds: string[] = [];

const system = { actorType: 'system', actorId: null } as const;
const planted = {
  fileName: 'photo-de-Camille-Exemplaire.png',
  mediaUrl: 'https://images.example.org/albums/camille/42.png',
  narrative: 'Récit inventé: la voisine Bérénice Témoin a vu ces images.',
  reporter: 'alix.temoin@example.org',
};
const hashes = {
  national: { md5: '0123456789abcdef0123456789abcdef', sha256: 'a'.repeat(64) },
  notIllegal: { md5: 'fedcba9876543210fedcba9876543210' },
  bankOnly: { pdq: 'baf99ebb76751576ae3ee4f753488a326ea2cf3d942c89598d998a094b986426', md5: '11111111111111111111111111111111' },
  disabled: { md5: '22222222222222222222222222222222' },
};

async function uploadImage(): Promise<string> {
  const boundary = 'contribution-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${planted.fileName}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    image,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await t.vigie.app.inject({
    method: 'POST',
    url: '/api/partner/media',
    headers: { ...partner, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().uploadId as string;
}

async function submit(content: object): Promise<string> {
  const response = await t.vigie.app.inject({
    method: 'POST',
    url: '/api/partner/reports',
    headers: { ...partner, 'idempotency-key': randomUUID() },
    payload: {
      category: 'child_sexual_abuse_material',
      childInImmediateDanger: false,
      language: 'fr',
      narrative: planted.narrative,
      reporter: { role: 'parent_or_relative', contact: { name: 'Alix Témoin', email: planted.reporter }, consentToContact: true },
      ...content,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  reportIds.push(response.json().reportId as string);
  return response.json().reportId as string;
}

const exportPackage = (query = '', who: StaffSession = admin) =>
  t.vigie.app.inject({ method: 'GET', url: `/api/contribution/package${query}`, headers: who.headers });

function parsePackage(body: string) {
  const [first, ...rest] = body.split('\n');
  const content = rest.join('\n');
  return {
    manifest: JSON.parse(first!).manifest,
    content,
    records: content
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
  };
}

beforeAll(async () => {
  t = await createTestVigie({ VIGIE_MEDIA_QUARANTINE: 'true', VIGIE_HOME_COUNTRY: 'FR' });
  partner = await partnerHeaders(t);
  analysts = [await signInAs(t, ['analyst']), await signInAs(t, ['analyst'])];
  admin = await signInAs(t, ['administrator']);
  image = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([{ input: Buffer.alloc(16 * 16 * 3, 250), raw: { width: 16, height: 16, channels: 3 }, left: 8, top: 8 }])
    .png()
    .toBuffer();

  const uploaded = await submit({ media: [{ uploadId: await uploadImage(), fileName: planted.fileName, url: planted.mediaUrl }] });
  const national = await submit({ media: [{ hashes: hashes.national, mediaType: 'image/jpeg' }] });
  const notIllegal = await submit({ media: [{ hashes: hashes.notIllegal }] });
  const unassessed = await submit({ media: [{ hashes: { md5: '33333333333333333333333333333333' } }] });
  expect(unassessed).toBeTruthy();
  await assessAndConfirm(t, analysts, uploaded, baselineImagery);
  await assessAndConfirm(t, analysts, national, {
    legalStatus: 'national',
    category: 'child_sexual_abuse_material',
    ageGroup: 'pubescent',
    imageryClass: 'B2',
  });
  await assessAndConfirm(t, analysts, notIllegal, {
    legalStatus: 'not_illegal',
    category: 'child_sexual_abuse_material',
    ageGroup: null,
    imageryClass: null,
  });

  const own = await t.vigie.banks.createBank(system, {
    name: 'Liste nationale (exemple)',
    purpose: 'national',
    source: 'Hotline of Exampleland',
  });
  await t.vigie.banks.addEntry(system, own.id, {
    pdq: hashes.bankOnly.pdq,
    pdqQuality: 100,
    md5: hashes.bankOnly.md5,
    industryCategory: 'A2',
    date: '2026-03-01',
    reference: 'HX-1',
    source: 'Analyste Dominique Exemple',
  });
  // The same file as the national report's, listed earlier: one record, both bases, the earlier day.
  await t.vigie.banks.addEntry(system, own.id, { sha256: hashes.national.sha256, date: '2026-01-15', legalStatus: 'baseline' });
  await t.vigie.banks.addEntry(system, own.id, { md5: hashes.disabled.md5, enabled: false });
  const partnerBank = await t.vigie.banks.createBank(system, { name: 'Liste partenaire (exemple)', purpose: 'partner', source: 'Partner' });
  banks = { own: own.id, partner: partnerBank.id };
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('the contribution package', () => {
  it('holds the hashes and classification of media assessed illegal and of the own bank, merged per item', async () => {
    const response = await exportPackage(`?bank=${banks.own}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/jsonl/);
    const { manifest, content, records } = parsePackage(response.body);
    const sha256 = createHash('sha256').update(image).digest('hex');
    const md5 = createHash('md5').update(image).digest('hex');
    expect(records).toHaveLength(3);
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          md5: hashes.bankOnly.md5,
          pdq: hashes.bankOnly.pdq,
          legalStatus: 'national',
          imageryClass: 'A2',
          basis: ['bank'],
          firstSeen: '2026-03-01',
        }),
        expect.objectContaining({
          sha256: hashes.national.sha256,
          md5: hashes.national.md5,
          legalStatus: 'baseline',
          imageryClass: 'B2',
          ageGroup: 'pubescent',
          basis: ['assessment', 'bank'],
          firstSeen: '2026-01-15',
          mediaType: 'image/jpeg',
        }),
        expect.objectContaining({
          sha256,
          md5,
          mediaType: 'image/png',
          legalStatus: 'baseline',
          imageryClass: 'A1',
          category: 'child_sexual_abuse_material',
          basis: ['assessment'],
        }),
      ]),
    );
    // In a stable order: by the item's strongest hash.
    const keys = records.map((record) => (record.sha256 ? `sha256:${record.sha256}` : `md5:${record.md5}`));
    expect(keys).toEqual([...keys].sort());
    const uploadedRecord = records.find((record) => record.sha256 === sha256);
    expect(uploadedRecord.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(uploadedRecord.sha1).toBe(createHash('sha1').update(image).digest('hex'));
    expect(records.some((record) => record.md5 === hashes.notIllegal.md5 || record.md5 === hashes.disabled.md5)).toBe(false);
    expect(records.some((record) => record.md5 === '33333333333333333333333333333333')).toBe(false);
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(
        [
          'ageGroup',
          'basis',
          'category',
          'firstSeen',
          'imageryClass',
          'legalStatus',
          'md5',
          'mediaType',
          'pdq',
          'pdqQuality',
          'sha1',
          'sha256',
        ].sort(),
      );
    }

    expect(manifest).toMatchObject({
      format: 'vigie-contribution/1',
      country: 'FR',
      content: { file: 'hashes.jsonl', sha256: createHash('sha256').update(content).digest('hex'), bytes: Buffer.byteLength(content) },
      counts: {
        records: 3,
        fromAssessments: 2,
        fromBanks: 2,
        withPdq: 2,
        withMd5: 3,
        withSha1: 1,
        withSha256: 2,
        baseline: 2,
        national: 1,
      },
      sources: { assessedReports: 2, banks: [{ id: banks.own, name: 'Liste nationale (exemple)', entries: 2 }] },
    });
  });

  it('carries no picture, file name, URL, narrative, person or internal reference', async () => {
    const { body } = await exportPackage(`?bank=${banks.own}`);
    for (const text of [...Object.values(planted), 'Camille', 'Bérénice', 'Dominique', 'HX-1', 'example.org'])
      expect(body).not.toContain(text);
    for (const encoded of [
      image.toString('base64').slice(0, 40),
      image.subarray(0, 64).toString('hex'),
      image.subarray(8, 64).toString('latin1'),
    ]) {
      expect(body).not.toContain(encoded);
    }
    for (const id of reportIds) expect(body).not.toContain(id);
  });

  it('is the same package without the bank, minus its entries; a partner list or an unknown bank is refused, naming it', async () => {
    const { records } = parsePackage((await exportPackage()).body);
    expect(records.map((record) => record.basis)).toEqual([['assessment'], ['assessment']]);
    for (const query of [`?bank=${banks.partner}`, `?bank=${randomUUID()}`, '?bank=not-a-uuid']) {
      const response = await exportPackage(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body, query).toContain('bank');
    }
  });

  it('is for administrators only, and each export is audited with its counts', async () => {
    expect((await exportPackage('', analysts[0])).statusCode).toBe(403);
    const entries = await auditEntries(t, 'contribution.export');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.find((entry) => entry.detail.fromBanks === 2)).toMatchObject({
      actor_id: admin.userId,
      detail: { records: 3, fromAssessments: 2 },
    });
  });

  it.skipIf(!serverUrl)(
    'is written by `vigie contribution export` as manifest.json and hashes.jsonl',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'vigie-contribution-'));
      try {
        const env = {
          DATABASE_URL: t.testStore.databaseUrl!,
          VIGIE_DATA_DIR: t.config.dataDir,
          VIGIE_HOME_COUNTRY: 'FR',
          VIGIE_LOG_LEVEL: 'silent',
        };
        const out = path.join(dir, 'package');
        const result = await runCli(['contribution', 'export', '--out', out, '--bank', 'liste nationale (exemple)'], env);
        expect(result.code, result.stderr).toBe(0);
        const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
        const content = await readFile(path.join(out, 'hashes.jsonl'), 'utf8');
        expect(manifest.content.sha256).toBe(createHash('sha256').update(content).digest('hex'));
        expect(manifest.counts.records).toBe(3);
        const again = await runCli(['contribution', 'export', '--out', out], env);
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('already holds a package');
        const refused = await runCli(
          ['contribution', 'export', '--out', path.join(dir, 'other'), '--bank', 'Liste partenaire (exemple)'],
          env,
        );
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('--bank #0');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
