import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVigie, type Vigie } from '../../src/main.js';
import { loadConfig } from '../../src/platform/config/index.js';
import { createLogger } from '../../src/platform/logging/index.js';
import { imageFile } from '../pdq/media-files.js';
import { signInAs, type TestVigie } from '../support/app.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { upload } from './media-support.js';

/** Uploads at the most verbose log level: neither credentials nor file names reach the logs. */
let dir: string;
let testStore: TestStore;
let vigie: Vigie;
let logs = '';
let t: TestVigie;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigie-media-logs-'));
  testStore = await openTestStore();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  const config = loadConfig({ VIGIE_DATA_DIR: dir, VIGIE_LOG_LEVEL: 'trace', VIGIE_CHALLENGE_MAX_NUMBER: '2000' });
  vigie = await createVigie(config, { store: testStore.store, logger: createLogger('trace', sink) });
  const organisation = await vigie.identity.createOrganisation(
    { actorType: 'system', actorId: null },
    { name: 'Hotline', kind: 'hotline' },
  );
  t = { vigie, config, organisationId: organisation.id, testStore } as TestVigie;
}, 120_000);
afterAll(async () => {
  await vigie?.close();
  await testStore?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('logs of uploads', () => {
  it('hold no key, cookie or file name, even at trace level', async () => {
    const system = { actorType: 'system', actorId: null } as const;
    const { secret } = await vigie.identity.createApiKey(system, {
      organisationId: t.organisationId,
      name: 'p',
      scopes: ['report.submit'],
    });
    const png = await imageFile('blocks-64x64x3', 'png');
    const byPartner = await upload(t, 'partner', { authorization: `Bearer ${secret}` }, png, { filename: 'zoé-needle-41.png' });
    expect(byPartner.statusCode, byPartner.body).toBe(201);
    const operator = await signInAs(t, ['intake_operator']);
    const byOperator = await upload(t, 'helpline', operator.headers, png, { filename: 'zoé-needle-42.png' });
    expect(byOperator.statusCode, byOperator.body).toBe(201);
    expect(logs).toContain('"route":"/api/partner/media"');
    for (const needle of [secret, operator.cookie.split('=')[1]!, 'zoé-needle-41', 'zoé-needle-42']) {
      expect(logs.includes(needle), needle).toBe(false);
    }
  });
});
