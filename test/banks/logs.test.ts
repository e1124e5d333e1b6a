import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { createLogger } from '../../src/platform/logging/index.js';
import { signInAs, type TestVigie } from '../support/app.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { randomHex, syntheticPng, system } from './support.js';

/** Multipart lookups and imports at the most verbose log level: no key, cookie or hash in the logs. */
let dir: string;
let testStore: TestStore;
let vigie: Vigie;
let logs = '';
let t: TestVigie;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-bank-logs-'));
  testStore = await openTestStore();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  const config = loadConfig({ VIGIE_DATA_DIR: dir, VIGIE_LOG_LEVEL: 'trace' });
  vigie = await createVigie(config, { store: testStore.store, logger: createLogger('trace', sink) });
  const organisation = await vigie.identity.createOrganisation(system, { name: 'Hotline', kind: 'hotline' });
  t = { vigie, config, organisationId: organisation.id, testStore } as TestVigie;
}, 120_000);
afterAll(async () => {
  await vigie?.close();
  await testStore?.drop();
  await rm(dir, { recursive: true, force: true });
});

const form = (boundary: string, name: string, content: Buffer | string) =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

describe('logs of multipart lookups and imports', () => {
  it('hold no key, cookie, file name or hash, even at trace level', async () => {
    const { secret } = await vigie.identity.createApiKey(system, { organisationId: t.organisationId, name: 'p', scopes: ['match.lookup'] });
    const boundary = 'vigie-log-boundary';
    const lookup = await vigie.app.inject({
      method: 'POST',
      url: '/api/match',
      headers: { authorization: `Bearer ${secret}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: form(boundary, 'léa-needle-51.png', await syntheticPng('noise-300x171x3')),
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const admin = await signInAs(t, ['administrator']);
    const bank = await vigie.banks.createBank(system, { name: 'Logged', purpose: 'national', source: 'x' });
    const hash = randomHex(64);
    const imported = await vigie.app.inject({
      method: 'POST',
      url: `/api/banks/${bank.id}/imports?format=pdq`,
      headers: { ...admin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: form(boundary, 'léa-needle-52.txt', `${hash},90\n`),
    });
    expect(imported.statusCode, imported.body).toBe(202);
    expect(logs).toContain('"route":"/api/match"');
    for (const needle of [secret, admin.cookie.split('=')[1]!, 'léa-needle-51', 'léa-needle-52', hash, lookup.json().hashes[0].md5]) {
      expect(logs.includes(needle), needle).toBe(false);
    }
  });
});
