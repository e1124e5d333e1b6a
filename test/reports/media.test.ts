import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { priorityOf } from '../../src/reports/index.js';
import { flipBits } from '../banks/support.js';
import { imageFile, isoMediaFile } from '../pdq/media-files.js';
import { signInAs, type StaffSession } from '../support/app.js';
import { solvedChallengeHeaders } from '../support/challenge.js';
import { uploadId, upload } from './media-support.js';
import { auditEntries, count, inject, jobsNamed, sampleReport, startIntake, type Intake } from './support.js';

/**
 * Upload → report → detection job → matches on the report and its priority raised, on every
 * channel that takes media; the upload used once; suppression by a false-positive bank.
 * Generated abstract pictures only (test/pdq/synthetic-images.ts).
 */
const system = { actorType: 'system', actorId: null } as const;
let intake: Intake;
let analyst: StaffSession;
let operator: StaffSession;
let otherPartner: Record<string, string>;

beforeAll(async () => {
  intake = await startIntake({ VIGIE_JOB_POLL_SECONDS: '0.5' });
  analyst = await signInAs(intake.t, ['analyst']);
  operator = await signInAs(intake.t, ['intake_operator']);
  const other = await intake.t.vigie.identity.createOrganisation(system, { name: 'Other Platform', kind: 'partner' });
  const { secret } = await intake.t.vigie.identity.createApiKey(system, {
    organisationId: other.id,
    name: 'other',
    scopes: ['report.submit'],
  });
  otherPartner = { authorization: `Bearer ${secret}` };
}, 120_000);
afterAll(() => intake?.close());

const vigie = () => intake.t.vigie;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const detail = async (id: string) =>
  (await inject(intake.t, { method: 'GET', url: `/api/reports/${id}`, headers: analyst.headers })).json();

async function submitPublic(content: object): Promise<string> {
  const response = await inject(intake.t, {
    method: 'POST',
    url: '/api/public/reports',
    headers: await solvedChallengeHeaders(vigie().app),
    payload: content,
  });
  expect(response.statusCode, response.body).toBe(201);
  const { rows } = await sql<{ id: string }>`select id from reports where channel = 'web' order by received_at desc limit 1`.execute(
    vigie().store.db,
  );
  return rows[0]!.id;
}

const submitPartner = (content: object, headers = intake.partner) =>
  inject(intake.t, {
    method: 'POST',
    url: '/api/partner/reports',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: content,
  });

const bank = (name: string, purpose: 'baseline' | 'national' | 'false_positive') =>
  vigie().banks.createBank(system, { name, purpose, source: 'Hotline of Exampleland' });

describe('a picture uploaded by the public, named in a report, matched against the banks', () => {
  let image: Buffer;
  let receipt: { uploadId: string; mediaType: string; size: number; hashes: { sha256: string; pdq: string }; pdqQuality: number };
  let reportId: string;
  let entryId: string;
  let bankId: string;

  it('answers the upload with its id, the type found in its bytes, its size and hashes', async () => {
    image = await imageFile('stripes-300x171x3', 'png');
    const response = await upload(intake.t, 'public', {}, image, { filename: 'plage été.png', contentType: 'image/jpeg' });
    expect(response.statusCode, response.body).toBe(201);
    receipt = response.json();
    expect(receipt).toMatchObject({ mediaType: 'image/png', size: image.length, width: 300, height: 171, quarantined: false });
    expect(receipt.hashes.sha256).toBe(sha256(image));
    expect(receipt.hashes.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.pdqQuality).toBeGreaterThanOrEqual(50);
    const [entry] = (await auditEntries(vigie().store, 'report.media-upload')).filter((e) => e.subject_id === receipt.uploadId);
    expect(entry).toMatchObject({ actor_type: 'public', detail: { mediaType: 'image/png', quarantined: false } });
  });

  it('copies the upload into the report in the intake transaction, with the detection job', async () => {
    const national = await bank('National list A', 'national');
    bankId = national.id;
    const entry = await vigie().banks.addEntry(system, national.id, {
      pdq: flipBits(receipt.hashes.pdq, 5),
      pdqQuality: 90,
      industryCategory: 'A1',
    });
    entryId = entry.id;

    reportId = await submitPublic(sampleReport({ media: [{ uploadId: receipt.uploadId }], children: [{ age: 14 }], reporter: undefined }));
    expect(await count(vigie().store, 'report_uploads', sql`id = ${receipt.uploadId}`)).toBe(0);
    expect((await jobsNamed(vigie().store, 'report.detect-media')).map((job) => job.data)).toContainEqual({ reportIds: [reportId] });
    const before = await detail(reportId);
    expect(before.media).toEqual([
      expect.objectContaining({
        hashes: receipt.hashes,
        pdqQuality: receipt.pdqQuality,
        mediaType: 'image/png',
        matchedAt: null,
        matches: [],
        quarantined: false,
      }),
    ]);
    expect(before).toMatchObject({ knownContent: false, ageGroup: 'pubescent', priority: 1 });
  });

  it('keeps the file name the reporter gave, sealed, in the personal view', async () => {
    const personal = await inject(intake.t, { method: 'GET', url: `/api/reports/${reportId}/personal-data`, headers: analyst.headers });
    expect(personal.json().report.media).toEqual([
      { hashes: receipt.hashes, pdqQuality: receipt.pdqQuality, fileName: 'plage été.png', mediaType: 'image/png' },
    ]);
  });

  it('stores the match on the report and raises its priority', async () => {
    expect(await vigie().reports.detectMedia([reportId])).toEqual({ items: 1, matches: 1 });
    const after = await detail(reportId);
    expect(after.media[0].matchedAt).not.toBeNull();
    expect(after.media[0].matches).toEqual([
      {
        bankId,
        bankName: 'National list A',
        bankPurpose: 'national',
        entryId,
        kind: 'pdq',
        distance: 5,
        classification: { legalStatus: 'national', industryCategory: 'A1', ageGroup: 'prepubescent' },
        matchedAt: after.media[0].matchedAt,
      },
    ]);
    expect(after.media[0].suppressed).toEqual([]);
    const priority = priorityOf({ urgent: false, knownContent: true, category: 'online_grooming', ageGroup: 'prepubescent' });
    expect(after).toMatchObject({ knownContent: true, ageGroup: 'prepubescent', priority });
    expect(priority).toBeGreaterThan(before());
    const list = await inject(intake.t, { method: 'GET', url: '/api/reports', headers: analyst.headers });
    expect(list.json().reports.find((r: { id: string }) => r.id === reportId)).toMatchObject({ priority, knownContent: true });
    const [audit] = (await auditEntries(vigie().store, 'report.media-matched')).filter((e) => e.subject_id === reportId);
    expect(audit).toMatchObject({ actor_type: 'system', detail: { matches: 1, suppressed: 0 } });
  });
  const before = () => priorityOf({ urgent: false, knownContent: false, category: 'online_grooming', ageGroup: 'pubescent' });

  it('writes nothing twice when the job runs again, even over items it already matched', async () => {
    expect(await vigie().reports.detectMedia([reportId])).toEqual({ items: 0, matches: 0 });
    await sql`update report_items set matched_at = null where report_id = ${reportId}`.execute(vigie().store.db);
    expect(await vigie().reports.detectMedia([reportId])).toEqual({ items: 1, matches: 1 });
    expect(await count(vigie().store, 'report_media_matches', sql`report_id = ${reportId}`)).toBe(1);
  });

  it('refuses the same upload a second time, naming media/N/uploadId (422)', async () => {
    const response = await inject(intake.t, {
      method: 'POST',
      url: '/api/public/reports',
      headers: await solvedChallengeHeaders(vigie().app),
      payload: sampleReport({ media: [{ uploadId: receipt.uploadId }] }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '#/media/0/uploadId' })]);
  });
});

describe('a false-positive bank', () => {
  it('sets a match aside, says by which entry, and does not raise the priority', async () => {
    const image = await imageFile('blocks-300x171x3', 'png');
    const id = await uploadId(intake.t, 'partner', intake.partner, image);
    const national = await bank('National list B', 'national');
    const negatives = await bank('Known false positives', 'false_positive');
    const { rows } = await sql<{ pdq: string }>`select pdq from report_uploads where id = ${id}`.execute(vigie().store.db);
    const known = await vigie().banks.addEntry(system, national.id, { pdq: rows[0]!.pdq, pdqQuality: 100, industryCategory: 'B2' });
    const harmless = await vigie().banks.addEntry(system, negatives.id, { sha256: sha256(image) });

    const response = await submitPartner(sampleReport({ media: [{ uploadId: id }], children: [] }));
    expect(response.statusCode, response.body).toBe(201);
    const { reportId } = response.json();
    await vigie().reports.detectMedia([reportId]);
    const view = await detail(reportId);
    expect(view.media[0].matches).toEqual([]);
    expect(view.media[0].suppressed).toEqual([
      expect.objectContaining({
        bankName: 'National list B',
        entryId: known.id,
        kind: 'pdq',
        distance: 0,
        suppressedBy: [{ bankId: negatives.id, bankName: 'Known false positives', bankPurpose: 'false_positive', entryId: harmless.id }],
      }),
    ]);
    expect(view).toMatchObject({ knownContent: false, ageGroup: null, priority: 0 });
  });
});

describe('priority', () => {
  it('puts a child in immediate danger first, then known content, then trafficking, then the youngest', async () => {
    const image = await imageFile('lowcontrast-511x512x3', 'jpeg');
    const baseline = await bank('Baseline', 'baseline');
    await vigie().banks.addEntry(system, baseline.id, { sha256: sha256(image), industryCategory: 'A2', ageGroup: 'infant_toddler' });
    const id = await uploadId(intake.t, 'partner', intake.partner, image, 'x.jpg');
    const response = await submitPartner(
      sampleReport({ category: 'trafficking_for_sexual_exploitation', childInImmediateDanger: true, media: [{ uploadId: id }] }),
    );
    const { reportId } = response.json();
    expect(await detail(reportId)).toMatchObject({
      priority: priorityOf({ urgent: true, knownContent: false, category: 'trafficking_for_sexual_exploitation', ageGroup: 'pubescent' }),
    });
    await vigie().reports.detectMedia([reportId]);
    expect(await detail(reportId)).toMatchObject({ priority: 31, knownContent: true, ageGroup: 'infant_toddler' });
  });
});

describe('uploads on every channel that takes media', () => {
  it('partner: the hashes given beside the id must be the file’s; a video gets exact hashes only', async () => {
    const video = isoMediaFile('mp42');
    const answer = await upload(intake.t, 'partner', intake.partner, video, { filename: 'clip.mp4', contentType: 'image/png' });
    expect(answer.statusCode, answer.body).toBe(201);
    const receipt = answer.json();
    expect(receipt).toMatchObject({ mediaType: 'video/mp4', size: video.length, pdqQuality: null, width: null });
    expect(receipt.hashes.pdq).toBeUndefined();

    const wrong = await submitPartner(sampleReport({ media: [{ uploadId: receipt.uploadId, hashes: { md5: '0'.repeat(32) } }] }));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ pointer: '#/media/0/hashes/md5' })]);
    const right = await submitPartner(
      sampleReport({
        media: [{ uploadId: receipt.uploadId, hashes: { sha256: receipt.hashes.sha256.toUpperCase() }, mediaType: 'image/gif' }],
      }),
    );
    expect(right.statusCode, right.body).toBe(201);
    const view = await detail(right.json().reportId);
    expect(view.media).toEqual([
      expect.objectContaining({
        hashes: { md5: receipt.hashes.md5, sha1: receipt.hashes.sha1, sha256: receipt.hashes.sha256 },
        mediaType: 'video/mp4',
        pdqQuality: null,
      }),
    ]);
  });

  it('partner: another organisation’s upload, a public upload, an unknown id are unknown here', async () => {
    const image = await imageFile('noise-127x129x3', 'webp');
    const theirs = await uploadId(intake.t, 'partner', otherPartner, image);
    const publicOne = await uploadId(intake.t, 'public', {}, image);
    const response = await submitPartner(
      sampleReport({
        media: [{ uploadId: theirs }, { uploadId: publicOne }, { uploadId: randomUUID() }, { hashes: { md5: 'ab'.repeat(16) } }],
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '#/media/0/uploadId',
      '#/media/1/uploadId',
      '#/media/2/uploadId',
    ]);
    // Refused as a whole: both uploads are still there for their owners.
    expect(await count(vigie().store, 'report_uploads', sql`id in (${theirs}, ${publicOne})`)).toBe(2);
    expect((await submitPartner(sampleReport({ media: [{ uploadId: theirs }] }), otherPartner)).statusCode).toBe(201);
  });

  it('partner batch: one id twice is refused at its second place, and the batch stores nothing', async () => {
    const id = await uploadId(intake.t, 'partner', intake.partner, await imageFile('flat3-300x171x3', 'gif'));
    const response = await inject(intake.t, {
      method: 'POST',
      url: '/api/partner/reports/batch',
      headers: { ...intake.partner, 'idempotency-key': randomUUID() },
      payload: { reports: [sampleReport({ media: [{ uploadId: id }] }), sampleReport({ media: [{ uploadId: id }] })] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '#/reports/1/media/0/uploadId' })]);
    expect(await count(vigie().store, 'report_uploads', sql`id = ${id}`)).toBe(1);
  });

  it('public addition: a picture added with the receipt code is matched too', async () => {
    const response = await inject(intake.t, {
      method: 'POST',
      url: '/api/public/reports',
      headers: await solvedChallengeHeaders(vigie().app),
      payload: sampleReport({ media: [] }),
    });
    const { receiptCode } = response.json();
    const image = await imageFile('greyrgb-300x171x3', 'png');
    const id = await uploadId(intake.t, 'public', {}, image);
    const added = await inject(intake.t, {
      method: 'POST',
      url: '/api/public/reports/additions',
      headers: await solvedChallengeHeaders(vigie().app),
      payload: { receiptCode, media: [{ uploadId: id }] },
    });
    expect(added.statusCode, added.body).toBe(201);
    const { rows } = await sql<{ report_id: string }>`select report_id from report_items where sha256 = ${sha256(image)}`.execute(
      vigie().store.db,
    );
    const reportId = rows[0]!.report_id;
    expect((await jobsNamed(vigie().store, 'report.detect-media')).map((job) => job.data)).toContainEqual({ reportIds: [reportId] });
    expect(await vigie().reports.detectMedia([reportId])).toEqual({ items: 1, matches: 0 });
    expect((await detail(reportId)).media).toEqual([
      expect.objectContaining({ hashes: expect.objectContaining({ sha256: sha256(image) }) }),
    ]);
  });

  it('helpline: an operator’s upload serves the call they record, and no other operator’s', async () => {
    const image = await imageFile('stripes-127x129x1', 'jpeg');
    const id = await uploadId(intake.t, 'helpline', operator.headers, image, 'photo-envoyée.jpg');
    const call = (report: object) => ({
      call: {
        callerType: 'parent_or_relative',
        startedAt: new Date(Date.now() - 600_000).toISOString(),
        endedAt: new Date().toISOString(),
      },
      report,
    });
    const other = await signInAs(intake.t, ['intake_operator']);
    const refused = await inject(intake.t, {
      method: 'POST',
      url: '/api/helpline/calls',
      headers: other.headers,
      payload: call(sampleReport({ media: [{ uploadId: id }] })),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([expect.objectContaining({ pointer: '#/report/media/0/uploadId' })]);
    const recorded = await inject(intake.t, {
      method: 'POST',
      url: '/api/helpline/calls',
      headers: operator.headers,
      payload: call(sampleReport({ media: [{ uploadId: id }] })),
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect((await detail(recorded.json().reportId)).media[0].hashes.sha256).toBe(sha256(image));
  });
});

describe('unused uploads', () => {
  it('expire: refused once expired, then purged (idempotently)', async () => {
    const id = await uploadId(intake.t, 'public', {}, await imageFile('blocks-127x129x3', 'png'));
    await sql`update report_uploads set expires_at = now() - interval '1 second' where id = ${id}`.execute(vigie().store.db);
    const response = await inject(intake.t, {
      method: 'POST',
      url: '/api/public/reports',
      headers: await solvedChallengeHeaders(vigie().app),
      payload: sampleReport({ media: [{ uploadId: id }] }),
    });
    expect(response.statusCode).toBe(422);
    const purged = await vigie().reports.purgeMedia();
    expect(purged.uploads).toBeGreaterThanOrEqual(1);
    expect(await count(vigie().store, 'report_uploads', sql`id = ${id}`)).toBe(0);
    expect(await vigie().reports.purgeMedia()).toEqual({ uploads: 0, quarantined: 0 });
    expect((await auditEntries(vigie().store, 'report.purge-media')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('the detection job, as main.ts wires it', () => {
  let worker: Vigie;
  beforeAll(async () => {
    // A second Vigie on the same database that runs the job handlers, as a worker process does.
    worker = await createVigie(intake.t.config, { store: intake.t.testStore.store, workers: true });
  }, 60_000);
  afterAll(() => worker?.close());

  it('runs after an intake and stores the match', async () => {
    const image = await imageFile('noise-300x171x3', 'png');
    const national = await bank('National list C', 'national');
    await vigie().banks.addEntry(system, national.id, { sha1: createHash('sha1').update(image).digest('hex') });
    const id = await uploadId(intake.t, 'partner', intake.partner, image);
    const { reportId } = (await submitPartner(sampleReport({ media: [{ uploadId: id }] }))).json();
    let view = await detail(reportId);
    for (let attempt = 0; attempt < 240 && view.media[0].matchedAt === null; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = await detail(reportId);
    }
    // The view reads the report, then its media: the poll that first sees the item matched may
    // have read the report just before the detection committed. Read it again, whole.
    view = await detail(reportId);
    expect(view.media[0].matches).toEqual([expect.objectContaining({ bankName: 'National list C', kind: 'sha1', distance: 0 })]);
    expect(view.knownContent).toBe(true);
  }, 90_000);
});
