import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { recordAudit } from '../../src/platform/audit/index.js';
import { createJobQueue, type JobQueue } from '../../src/platform/jobs/index.js';
import { migrateToLatest } from '../../src/platform/store/index.js';
import { allMigrations } from '../../src/main.js';
import { createFieldCipher, loadKeyRing } from '../../src/platform/crypto/index.js';
import { crossMatchJob, createReportService, type AuditWriter, type ReportService } from '../../src/reports/index.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { sampleReport } from './support.js';

/** Another module's follow-ups, as main.ts wires them: a job for reports with media, one for URLs. */
const followUps = [
  { job: 'test.media', wants: (content: { media?: readonly unknown[] }) => (content.media?.length ?? 0) > 0 },
  { job: 'test.urls', wants: (content: { urls?: readonly unknown[] }) => (content.urls?.length ?? 0) > 0 },
];

let testStore: TestStore;
let queue: JobQueue;
let reports: ReportService;
let keyDir: string;

beforeAll(async () => {
  testStore = await openTestStore();
  await migrateToLatest(testStore.store.db, ...allMigrations);
  queue = createJobQueue(testStore.store, { pollIntervalSeconds: 60 });
  for (const name of [crossMatchJob, ...followUps.map((f) => f.job)]) queue.define(name, async () => undefined);
  await queue.start({ work: false });
  keyDir = await mkdtemp(path.join(tmpdir(), 'vigie-follow-ups-'));
  const ring = await loadKeyRing({ keyFile: path.join(keyDir, 'keys.json') });
  const audit: AuditWriter = (trx, actor, record) =>
    recordAudit(trx, { ...actor, organisationId: actor.organisationId ?? null, requestId: actor.requestId ?? null, ...record });
  reports = createReportService({ db: testStore.store.db, sealer: await createFieldCipher(ring), audit, jobs: queue, followUps });
}, 120_000);
afterAll(async () => {
  await queue.stop();
  await testStore.drop();
  await rm(keyDir, { recursive: true, force: true });
});

async function jobData(name: string): Promise<{ reportIds: string[] }[]> {
  const { rows } = await sql<{ data: { reportIds: string[] } }>`select data from jobs.job where name = ${name} order by created_on`.execute(
    testStore.store.db,
  );
  return rows.map((row) => row.data);
}

describe('intake follow-ups of other modules', () => {
  it('enqueues, in the intake transaction, each follow-up with the reports whose content it wants', async () => {
    const partner = {
      actor: { actorType: 'system' as const, actorId: null },
      organisationId: crypto.randomUUID(),
      apiKeyId: crypto.randomUUID(),
    };
    const { receipt } = await reports.submitPartnerBatch(partner, 'batch-1', {
      reports: [sampleReport(), sampleReport({ media: [] }), sampleReport({ urls: [], media: [] })],
    });
    const [withBoth, withUrls, withNeither] = receipt.reports.map((r) => r.reportId);
    expect(await jobData(crossMatchJob)).toEqual([{ reportIds: [withBoth, withUrls, withNeither] }]);
    expect(await jobData('test.media')).toEqual([{ reportIds: [withBoth] }]);
    expect(await jobData('test.urls')).toEqual([{ reportIds: [withBoth, withUrls] }]);
  });

  it('enqueues nothing for a follow-up that no report of the intake wants', async () => {
    const before = (await jobData('test.media')).length;
    await reports.submitPublicReport({ actorType: 'public', actorId: null }, sampleReport({ media: [] }));
    expect(await jobData('test.media')).toHaveLength(before);
  });

  it('enqueues a follow-up for an addition that brings what it wants', async () => {
    const { receiptCode } = await reports.submitPublicReport({ actorType: 'public', actorId: null }, sampleReport({ media: [], urls: [] }));
    const mediaJobs = (await jobData('test.media')).length;
    const urlJobs = (await jobData('test.urls')).length;
    await reports.addInformation({ actorType: 'public', actorId: null }, receiptCode, { urls: ['https://other.example.org/page'] });
    expect(await jobData('test.media')).toHaveLength(mediaJobs);
    expect(await jobData('test.urls')).toHaveLength(urlJobs + 1);
  });
});
