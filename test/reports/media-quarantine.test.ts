import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, sealedColumns, type Vigie } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { createFieldCipher, loadKeyRing, rotateKeys } from '../../src/platform/crypto/index.js';
import { imageFile, withTextChunk } from '../pdq/media-files.js';
import { signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { solvedChallengeHeaders } from '../support/challenge.js';
import { findInRawDatabase } from '../support/raw-database.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { uploadId } from './media-support.js';
import { auditEntries, count, inject, sampleReport } from './support.js';

/**
 * Minimum possession: by default a file's bytes are hashed, then dropped, and nothing of them
 * reaches the database; a deployment that quarantines media keeps them sealed, shows them to
 * analysts with each view audited, re-seals them at key rotation and deletes them when their
 * retention ends. On the embedded database the data files are searched too.
 */
interface Deployment {
  t: TestVigie;
  dataDir: string;
  testStore: TestStore | undefined;
  close(): Promise<void>;
}

async function deploy(env: Record<string, string>): Promise<Deployment> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vigie-quarantine-'));
  const config = loadConfig({ VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'silent', VIGIE_CHALLENGE_MAX_NUMBER: '2000', ...env });
  // On the embedded database, a store on disk, so that its files can be searched too.
  const testStore = process.env.DATABASE_URL ? await openTestStore() : undefined;
  const vigie: Vigie = await createVigie(config, testStore ? { store: testStore.store } : {});
  const organisation = await vigie.identity.createOrganisation(
    { actorType: 'system', actorId: null },
    { name: 'Hotline of Exampleland', kind: 'hotline' },
  );
  const t = { vigie, config, organisationId: organisation.id, testStore: testStore ?? { store: vigie.store } } as TestVigie;
  return {
    t,
    dataDir,
    testStore,
    async close() {
      await vigie.close();
      if (testStore) await testStore.drop();
      else await vigie.store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function reportWith(t: TestVigie, id: string): Promise<string> {
  const response = await inject(t, {
    method: 'POST',
    url: '/api/public/reports',
    headers: await solvedChallengeHeaders(t.vigie.app),
    payload: sampleReport({ media: [{ uploadId: id }] }),
  });
  expect(response.statusCode, response.body).toBe(201);
  const { rows } = await sql<{
    report_id: string;
  }>`select report_id from report_items where kind = 'media' order by position limit 1`.execute(t.vigie.store.db);
  return rows[0]!.report_id;
}

describe('by default, the bytes are discarded once hashed', () => {
  let off: Deployment;
  const needle = 'vigie-needle-off-3c9a71';
  beforeAll(async () => {
    off = await deploy({});
  }, 120_000);
  afterAll(() => off?.close());

  it('keeps the hashes, and no byte of the file, in the raw database', async () => {
    const file = withTextChunk(await imageFile('blocks-300x171x3', 'png'), needle);
    const id = await uploadId(off.t, 'public', {}, file, 'discarded.png');
    const reportId = await reportWith(off.t, id);
    expect(await count(off.t.vigie.store, 'report_media_quarantine')).toBe(0);
    expect(await findInRawDatabase(off.t.vigie.store, needle, { dataDir: off.dataDir })).toEqual([]);
    const analyst = await signInAs(off.t, ['analyst']);
    const view = await inject(off.t, { method: 'GET', url: `/api/reports/${reportId}`, headers: analyst.headers });
    expect(view.json().media[0]).toMatchObject({ quarantined: false, mediaType: 'image/png' });
    const itemId = view.json().media[0].id;
    const content = await inject(off.t, {
      method: 'GET',
      url: `/api/reports/${reportId}/media/${itemId}/content`,
      headers: analyst.headers,
    });
    expect(content.statusCode).toBe(404);
  });

  it('the search would find the needle were the file stored in clear', async () => {
    await sql`create table scratch_files (content bytea)`.execute(off.t.vigie.store.db);
    const file = withTextChunk(await imageFile('blocks-64x64x1', 'png'), needle);
    await sql`insert into scratch_files values (${file})`.execute(off.t.vigie.store.db);
    expect(await findInRawDatabase(off.t.vigie.store, needle)).toContain('public.scratch_files.content');
    await sql`drop table scratch_files`.execute(off.t.vigie.store.db);
  });
});

describe('with a quarantine, the bytes are kept sealed until their retention ends', () => {
  let on: Deployment;
  let analyst: StaffSession;
  let file: Buffer;
  let reportId: string;
  let itemId: string;
  const needle = 'vigie-needle-on-8e21b4';
  beforeAll(async () => {
    on = await deploy({ VIGIE_MEDIA_QUARANTINE: 'true', VIGIE_MEDIA_RETENTION_DAYS: '30' });
    analyst = await signInAs(on.t, ['analyst']);
    file = withTextChunk(await imageFile('stripes-300x171x3', 'png'), needle);
  }, 120_000);
  afterAll(() => on?.close());

  it('seals the bytes under the key ring: nothing of them in clear in the raw database', async () => {
    const id = await uploadId(on.t, 'public', {}, file, 'kept.png');
    const { rows } = await sql<{ content_sealed: Uint8Array; delete_after: Date }>`
      select content_sealed, delete_after from report_media_quarantine where id = ${id}`.execute(on.t.vigie.store.db);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.content_sealed.subarray(0, 3)).toString('ascii')).toBe('v1.');
    const days = (new Date(rows[0]!.delete_after).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    expect(await findInRawDatabase(on.t.vigie.store, needle, { dataDir: on.dataDir })).toEqual([]);
    reportId = await reportWith(on.t, id);
  });

  it('shows the report’s item as quarantined, and gives its bytes to an analyst, audited', async () => {
    const view = (await inject(on.t, { method: 'GET', url: `/api/reports/${reportId}`, headers: analyst.headers })).json();
    expect(view.media[0].quarantined).toBe(true);
    itemId = view.media[0].id;
    const url = `/api/reports/${reportId}/media/${itemId}/content`;
    const content = await inject(on.t, { method: 'GET', url, headers: analyst.headers });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(file)).toBe(true);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-security-policy']).toContain('sandbox');
    expect(content.headers['cache-control']).toBe('no-store');
    const entries = (await auditEntries(on.t.vigie.store, 'report.view-media')).filter((e) => e.subject_id === reportId);
    expect(entries).toEqual([
      expect.objectContaining({ actor_type: 'user', detail: expect.objectContaining({ itemId, mediaType: 'image/png' }) }),
    ]);
    const operator = await signInAs(on.t, ['intake_operator']);
    expect((await inject(on.t, { method: 'GET', url, headers: operator.headers })).statusCode).toBe(403);
  });

  it('re-seals the bytes at key rotation', async () => {
    const ring = await loadKeyRing({ keyFile: on.t.config.keyFile });
    const rotated = await rotateKeys({ db: on.t.vigie.store.db, ring, columns: sealedColumns });
    expect(rotated.columns).toContainEqual({ table: 'report_media_quarantine', column: 'content_sealed', resealed: 1 });
    const cipher = await createFieldCipher(rotated.ring);
    const { rows } = await sql<{ id: string; content_sealed: Uint8Array }>`
      select id, content_sealed from report_media_quarantine where item_id = ${itemId}`.execute(on.t.vigie.store.db);
    const sealed = rows[0]!.content_sealed;
    expect(cipher.keyIdOfBytes(sealed)).toBe(rotated.keyId);
    expect(Buffer.from(cipher.openBytes(sealed, `report_media_quarantine.content_sealed:${rows[0]!.id}`)).equals(file)).toBe(true);
  });

  it('deletes the bytes when their retention ends, keeps the report’s hashes, and an unused upload’s bytes go with it', async () => {
    const unused = await uploadId(on.t, 'public', {}, await imageFile('noise-127x129x3', 'png'));
    await sql`update report_media_quarantine set delete_after = now() - interval '1 second' where item_id = ${itemId}`.execute(
      on.t.vigie.store.db,
    );
    await sql`update report_uploads set expires_at = now() - interval '1 second' where id = ${unused}`.execute(on.t.vigie.store.db);
    expect(await on.t.vigie.reports.purgeMedia()).toEqual({ uploads: 1, quarantined: 2 });
    expect(await count(on.t.vigie.store, 'report_media_quarantine')).toBe(0);
    expect(await on.t.vigie.reports.purgeMedia()).toEqual({ uploads: 0, quarantined: 0 });
    const view = (await inject(on.t, { method: 'GET', url: `/api/reports/${reportId}`, headers: analyst.headers })).json();
    expect(view.media[0]).toMatchObject({ quarantined: false, hashes: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const gone = await inject(on.t, { method: 'GET', url: `/api/reports/${reportId}/media/${itemId}/content`, headers: analyst.headers });
    expect(gone.statusCode).toBe(404);
  });
});
