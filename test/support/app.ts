import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { totpCode } from '../../src/identity/index.js';
import { createVigie, type Vigie } from '../../src/main.js';
import type { StaffRole } from '../../src/platform/access/index.js';
import { loadConfig, type Config } from '../../src/platform/config/index.js';
import { openTestStore, type TestStore } from './store.js';
import { offlineUrlAnalysis } from './url-analysis.js';

export interface TestVigie {
  vigie: Vigie;
  testStore: TestStore;
  config: Config;
  organisationId: string;
  close(): Promise<void>;
}

/**
 * A whole Vigie on its own database, with one organisation, for HTTP-level tests; with
 * `workers`, its job workers run in the test's process too.
 */
export async function createTestVigie(env: Record<string, string> = {}, options: { workers?: boolean } = {}): Promise<TestVigie> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-test-'));
  const testStore = await openTestStore();
  const config = loadConfig({
    VIGIE_DATA_DIR: dir,
    VIGIE_LOG_LEVEL: 'silent',
    VIGIE_REQUESTS_PER_MINUTE: '100000',
    VIGIE_SIGN_IN_ATTEMPTS_PER_MINUTE: '100000',
    VIGIE_CHALLENGE_MAX_NUMBER: '2000',
    ...offlineUrlAnalysis,
    ...env,
  });
  const vigie = await createVigie(config, { store: testStore.store, ...(options.workers ? { workers: true } : {}) });
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

export interface StaffSession {
  userId: string;
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

let counter = 0;
export const testPassword = 'correct horse battery staple';

export function cookieFrom(setCookie: string | string[] | undefined): string {
  const first = [setCookie ?? []].flat()[0] ?? '';
  return first.split(';')[0] ?? '';
}

/** Creates a user with these roles (in the test's organisation, or another) and signs in through the API, second factor included. */
export async function signInAs(
  t: Pick<TestVigie, 'vigie' | 'organisationId'>,
  roles: StaffRole[],
  organisationId = t.organisationId,
): Promise<StaffSession> {
  counter += 1;
  const email = `staff${counter}.${roles.join('-')}@example.org`;
  const user = await t.vigie.identity.createUser(
    { actorType: 'system', actorId: null },
    { organisationId, email, name: `Agent ${counter}`, roles, password: testPassword },
  );
  const first = await t.vigie.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: testPassword } });
  if (first.statusCode !== 200) throw new Error(`sign-in failed: ${first.body}`);
  const cookie = cookieFrom(first.headers['set-cookie']);
  const secret = (first.json() as { enrolment: { secret: string } }).enrolment.secret;
  const second = await t.vigie.app.inject({
    method: 'POST',
    url: '/api/session/second-factor',
    headers: { cookie },
    payload: { code: totpCode(secret) },
  });
  if (second.statusCode !== 200) throw new Error(`second factor failed: ${second.body}`);
  const csrfToken = (second.json() as { csrfToken: string }).csrfToken;
  return { userId: user.id, cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
