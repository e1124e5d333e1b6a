import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { createLogger } from '../../src/platform/logging/index.js';
import { signInAs, type TestVigie } from '../support/app.js';
import { solvedChallengeHeaders } from '../support/challenge.js';
import { findInRawDatabase } from '../support/raw-database.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { sampleReport } from './support.js';

/** Invented values planted in every personal field of a report, then looked for everywhere. */
const planted = {
  narrative: 'Xylophanie raconte tout',
  childName: 'Bérénicette',
  childDescription: 'porte un sac Quasimodine',
  personName: 'Théobaldus Falsenom',
  alias: 'zorglubinator',
  reporterName: 'Hermengilde Témoin',
  reporterEmail: 'hermengilde.w7@example.org',
  reporterPhone: '+33639980471',
  username: 'kestrel_needle_55',
  identifierEmail: 'kestrel.needle@example.net',
  identifierPhone: '+447700900472',
  urlPath: 'needlepath-q7z',
  profilePath: 'profile-needle-k2',
  fileName: 'souvenir-plume-x9.jpg',
  city: 'Plumelinville',
  additionNarrative: 'Ajout Grimbaldine',
};

let dir: string;
let testStore: TestStore | undefined;
let vigie: Vigie;
let logs = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-report-conf-'));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  const config = loadConfig({ VIGIE_DATA_DIR: dir, VIGIE_LOG_LEVEL: 'trace' });
  // On the embedded database, a store on disk, so that its files (and write-ahead log) are searched too.
  testStore = process.env.DATABASE_URL ? await openTestStore() : undefined;
  vigie = await createVigie(config, { logger: createLogger('trace', sink), ...(testStore ? { store: testStore.store } : {}) });
  const system = { actorType: 'system', actorId: null } as const;
  const organisation = await vigie.identity.createOrganisation(system, { name: 'Platform', kind: 'partner' });
  const { secret } = await vigie.identity.createApiKey(system, { organisationId: organisation.id, name: 'k', scopes: ['report.submit'] });
  const report = sampleReport({
    narrative: `${planted.narrative}.`,
    urls: [`https://files.example.org/${planted.urlPath}/1.jpg`],
    media: [{ hashes: { md5: 'ab'.repeat(16) }, fileName: planted.fileName }],
    onlineIdentifiers: [
      {
        platform: 'ExampleNet',
        username: planted.username,
        email: planted.identifierEmail,
        phone: planted.identifierPhone,
        profileUrl: `https://social.example.org/${planted.profilePath}`,
      },
    ],
    places: [{ country: 'FR', city: planted.city }],
    children: [{ name: planted.childName, description: planted.childDescription, age: 13 }],
    reportedPersons: [{ name: planted.personName, aliases: [planted.alias] }],
    reporter: {
      contact: { name: planted.reporterName, email: planted.reporterEmail, phone: planted.reporterPhone },
      consentToContact: true,
    },
  });
  const partner = await vigie.app.inject({
    method: 'POST',
    url: '/api/partner/reports',
    headers: { authorization: `Bearer ${secret}`, 'idempotency-key': randomUUID() },
    payload: report,
  });
  expect(partner.statusCode, partner.body).toBe(201);
  const web = await vigie.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    headers: await solvedChallengeHeaders(vigie.app),
    payload: report,
  });
  expect(web.statusCode, web.body).toBe(201);
  const addition = await vigie.app.inject({
    method: 'POST',
    url: '/api/public/reports/additions',
    headers: await solvedChallengeHeaders(vigie.app),
    payload: { receiptCode: web.json().receiptCode, narrative: planted.additionNarrative },
  });
  expect(addition.statusCode, addition.body).toBe(201);
  const analyst = await signInAs({ vigie, organisationId: organisation.id } as TestVigie, ['analyst']);
  const read = await vigie.app.inject({
    method: 'GET',
    url: `/api/reports/${partner.json().reportId}/personal-data`,
    headers: analyst.headers,
  });
  expect(read.body).toContain(planted.childName);
}, 120_000);

afterAll(async () => {
  await vigie?.close();
  if (testStore) await testStore.drop();
  else await vigie?.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the personal fields of a report at rest', () => {
  it.each(Object.entries(planted))('%s is found nowhere in clear in the raw database', async (_field, needle) => {
    const value = needle.startsWith('+') ? needle.slice(1) : needle;
    expect(await findInRawDatabase(vigie.store, value, { dataDir: dir })).toEqual([]);
  });

  it('what is meant to be in clear is found (the search works on this store)', async () => {
    expect(await findInRawDatabase(vigie.store, 'files.example.org', { dataDir: dir })).toContain('public.report_items.url_host');
    expect(await findInRawDatabase(vigie.store, 'online_grooming', { dataDir: dir })).toContain('public.reports.category');
  });
});

describe('logs', () => {
  it('carry request ids but none of the planted values', () => {
    expect(logs).toContain('"reqId"');
    for (const needle of Object.values(planted)) expect(logs.includes(needle), needle).toBe(false);
  });
});
