/**
 * One mail worker process of the crash test: `node --import tsx test/mail/support/mail-worker.ts`
 * with DATABASE_URL, VIGIE_KEYS and VIGIE_SMTP_URL. Prints `ready` once it takes jobs.
 */
import { createFieldCipher, parseKeyRing } from '../../../src/platform/crypto/index.js';
import { createJobQueue } from '../../../src/platform/jobs/index.js';
import { createMailer, createMailOutbox, defineMailJobs } from '../../../src/platform/mail/index.js';
import { openStore } from '../../../src/platform/store/index.js';
import { crashJobOptions, crashQueueOptions } from './crash-options.js';

const { DATABASE_URL: databaseUrl, VIGIE_KEYS: keys, VIGIE_SMTP_URL: smtpUrl } = process.env;
if (!databaseUrl || !keys || !smtpUrl) throw new Error('DATABASE_URL, VIGIE_KEYS and VIGIE_SMTP_URL are required');

const store = await openStore({ databaseUrl, dataDir: 'unused', poolSize: 4 });
const jobs = createJobQueue(store, crashQueueOptions);
const outbox = createMailOutbox({
  db: store.db,
  sealer: await createFieldCipher(parseKeyRing(keys, 'VIGIE_KEYS')),
  jobs,
  mailer: createMailer({ smtpUrl, startTls: 'never', from: 'Vigie <notices@example.org>' }, { socketTimeoutMs: 120_000 }),
  job: crashJobOptions,
});
defineMailJobs(jobs, outbox);
await jobs.start({ work: true });
process.stdout.write('ready\n');
