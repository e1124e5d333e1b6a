import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/identity/index.js';
import { createVigie, type Vigie } from '../src/main.js';
import { loadConfig } from '../src/platform/config/index.js';
import { createLogger } from '../src/platform/logging/index.js';
import { cookieFrom, signInAs, testPassword, type TestVigie } from './support/app.js';
import { findInRawDatabase } from './support/raw-database.js';
import { openTestStore, type TestStore } from './support/store.js';

const plantedEmail = 'zephyrine.needle7f3a@example.org';
const plantedName = 'Zéphyrine Planténeedle';

let dir: string;
let testStore: TestStore | undefined;
let vigie: Vigie;
let logs = '';
let totpSecret = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-conf-'));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  const config = loadConfig({ VIGIE_DATA_DIR: dir, VIGIE_LOG_LEVEL: 'trace' });
  // On the embedded database, a store on disk, so that its files can be searched too.
  testStore = process.env.DATABASE_URL ? await openTestStore() : undefined;
  vigie = await createVigie(config, { logger: createLogger('trace', sink), ...(testStore ? { store: testStore.store } : {}) });
  const organisation = await vigie.identity.createOrganisation(
    { actorType: 'system', actorId: null },
    { name: 'Hotline', kind: 'hotline' },
  );
  const t = { vigie, organisationId: organisation.id } as TestVigie;
  const admin = await signInAs(t, ['administrator']);

  const created = await vigie.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin.headers,
    payload: { organisationId: organisation.id, email: plantedEmail, name: plantedName, roles: ['analyst'], password: testPassword },
  });
  expect(created.statusCode).toBe(201);
  const signIn = await vigie.app.inject({ method: 'POST', url: '/api/session', payload: { email: plantedEmail, password: testPassword } });
  totpSecret = signIn.json().enrolment.secret;
  const second = await vigie.app.inject({
    method: 'POST',
    url: '/api/session/second-factor',
    headers: { cookie: cookieFrom(signIn.headers['set-cookie']) },
    payload: { code: totpCode(totpSecret) },
  });
  expect(second.statusCode).toBe(200);
  const read = await vigie.app.inject({ method: 'GET', url: `/api/users/${created.json().id}/personal-data`, headers: admin.headers });
  expect(read.json().email).toBe(plantedEmail);
  await vigie.store.db.selectNoFrom((eb) => eb.val(1).as('x')).execute();
}, 120_000);

afterAll(async () => {
  await vigie?.close();
  if (testStore) await testStore.drop();
  else await vigie?.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('personal data at rest', () => {
  it.each([
    ['the e-mail', plantedEmail],
    ['the local part of the e-mail', 'zephyrine.needle7f3a'],
    ['the name', plantedName],
    ['part of the name', 'Planténeedle'],
  ])('%s is found nowhere in clear in the raw database', async (_what, needle) => {
    expect(await findInRawDatabase(vigie.store, needle, { dataDir: dir })).toEqual([]);
  });

  it('the second-factor secret is found nowhere in clear either', async () => {
    expect(totpSecret.length).toBeGreaterThan(16);
    expect(await findInRawDatabase(vigie.store, totpSecret, { dataDir: dir })).toEqual([]);
  });

  it('a value stored in clear would be found (the search works on this store)', async () => {
    const organisations = await findInRawDatabase(vigie.store, 'Hotline', { dataDir: dir });
    expect(organisations).toContain('public.organisations.name');
  });
});

describe('logs', () => {
  it('carry request ids but no personal data, secret or token', () => {
    expect(logs).toContain('"reqId"');
    for (const needle of [plantedEmail, 'needle7f3a', 'Planténeedle', testPassword, totpSecret, 'vigie_session=']) {
      expect(logs.includes(needle), needle).toBe(false);
    }
  });
});
