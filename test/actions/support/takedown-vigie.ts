import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createVigie } from '../../../src/main.js';
import { loadConfig } from '../../../src/platform/config/index.js';
import type { TestVigie } from '../../support/app.js';
import { openTestStore } from '../../support/store.js';
import { offlineUrlAnalysis } from '../../support/url-analysis.js';

/**
 * A whole Vigie whose job workers run in the test's process (the notice cycle, the mail
 * outbox), as `createTestVigie` builds it otherwise: SMTP and fetched hosts on loopback only.
 */
export async function createWorkingVigie(env: Record<string, string>): Promise<TestVigie> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-takedown-'));
  const testStore = await openTestStore();
  const config = loadConfig({
    VIGIE_DATA_DIR: dir,
    VIGIE_LOG_LEVEL: 'silent',
    VIGIE_REQUESTS_PER_MINUTE: '100000',
    VIGIE_SIGN_IN_ATTEMPTS_PER_MINUTE: '100000',
    VIGIE_JOB_POLL_SECONDS: '0.5',
    ...offlineUrlAnalysis,
    ...env,
  });
  const vigie = await createVigie(config, { store: testStore.store, workers: true });
  const organisation = await vigie.identity.createOrganisation(
    { actorType: 'system', actorId: null },
    { name: 'Hotline of Exampleland', kind: 'hotline', country: 'FR' },
  );
  return {
    vigie,
    testStore,
    config,
    organisationId: organisation.id,
    async close() {
      await vigie.close();
      await testStore.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
