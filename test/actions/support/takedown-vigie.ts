import { createTestVigie, type TestVigie } from '../../support/app.js';

/**
 * A whole Vigie whose job workers run in the test's process (the notice cycle, the mail
 * outbox), as `createTestVigie` builds it otherwise: SMTP and fetched hosts on loopback only.
 */
export function createWorkingVigie(env: Record<string, string>): Promise<TestVigie> {
  return createTestVigie({ VIGIE_JOB_POLL_SECONDS: '0.5', ...env }, { workers: true });
}
