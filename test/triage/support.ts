import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { allMigrations } from '../../src/main.js';
import { recordAudit } from '../../src/platform/audit/index.js';
import { createFieldCipher, loadKeyRing } from '../../src/platform/crypto/index.js';
import { createJobQueue, type JobQueue } from '../../src/platform/jobs/index.js';
import { migrateToLatest, type Store } from '../../src/platform/store/index.js';
import { createReportService, crossMatchJob, detectMediaJob, type ReportContent, type ReportService } from '../../src/reports/index.js';
import { createTriageService, type AuditWriter, type TriageService, type TriageSettings } from '../../src/triage/index.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { openTestStore, type TestStore } from '../support/store.js';

/** An invented report: example.org addresses, a fictional child, no real place or person. */
export function report(overrides: Partial<ReportContent> = {}): ReportContent {
  return {
    category: 'online_grooming',
    childInImmediateDanger: false,
    narrative: 'Un adulte a écrit à un enfant sur un jeu en ligne (récit inventé pour les tests).',
    urls: ['https://chat.example.org/room/7'],
    reportedPersons: [{ aliases: ['invented_handle'] }],
    ...overrides,
  };
}

const system = { actorType: 'system', actorId: null } as const;

/** A whole Vigie (HTTP, policy, detection) with a partner key and staff of every assessing role. */
export interface TriageApp {
  t: TestVigie;
  analyst: StaffSession;
  second: StaffSession;
  senior: StaffSession;
  otherSenior: StaffSession;
  supervisor: StaffSession;
  submit(content?: Partial<ReportContent>): Promise<string>;
  as(who: StaffSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTriageApp(env: Record<string, string> = {}): Promise<TriageApp> {
  const t = await createTestVigie(env);
  const organisation = await t.vigie.identity.createOrganisation(system, { name: 'Example Platform', kind: 'partner' });
  const partner = { actor: system, organisationId: organisation.id, apiKeyId: randomUUID() };
  return {
    t,
    analyst: await signInAs(t, ['analyst']),
    second: await signInAs(t, ['analyst']),
    senior: await signInAs(t, ['senior_analyst']),
    otherSenior: await signInAs(t, ['senior_analyst']),
    supervisor: await signInAs(t, ['supervisor']),
    async submit(content = {}) {
      const { receipt } = await t.vigie.reports.submitPartnerReport(partner, randomUUID(), report(content));
      return receipt.reportId;
    },
    as: (who, method, url, payload) =>
      t.vigie.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload }) }),
    close: () => t.close(),
  };
}

/**
 * The reports and triage services on their own database, without HTTP, with a clock the
 * test moves and the routing job defined (so that its enqueues can be counted).
 */
export interface TriageWorld {
  store: Store;
  reports: ReportService;
  triage: TriageService;
  clock: { now: Date };
  submit(content?: Partial<ReportContent>): Promise<string>;
  close(): Promise<void>;
}

export const routingJob = 'routing.route';

export async function startTriageWorld(settings: Partial<TriageSettings> = {}): Promise<TriageWorld> {
  const testStore: TestStore = await openTestStore();
  const { store } = testStore;
  await migrateToLatest(store.db, ...allMigrations);
  const queue: JobQueue = createJobQueue(store, { pollIntervalSeconds: 60 });
  for (const name of [crossMatchJob, detectMediaJob, routingJob]) queue.define(name, async () => undefined);
  await queue.start({ work: false });
  const keyDir = await mkdtemp(path.join(tmpdir(), 'vigie-triage-'));
  const cipher = await createFieldCipher(await loadKeyRing({ keyFile: path.join(keyDir, 'keys.json') }));
  const audit: AuditWriter = (trx, actor, record) =>
    recordAudit(trx, { ...actor, organisationId: actor.organisationId ?? null, requestId: actor.requestId ?? null, ...record });
  const clock = { now: new Date('2026-12-10T09:00:00.000Z') };
  const now = () => new Date(clock.now);
  const reports = createReportService({ db: store.db, sealer: cipher, audit, jobs: queue, now });
  const partner = { actor: system, organisationId: randomUUID(), apiKeyId: randomUUID() };
  const triage = createTriageService({
    db: store.db,
    sealer: cipher,
    audit,
    jobs: queue,
    reports,
    settings: { confirmation: 'required', claimMinutes: 30, ...settings },
    followUps: [{ job: routingJob }],
    now,
  });
  return {
    store,
    reports,
    triage,
    clock,
    async submit(content = {}) {
      const { receipt } = await reports.submitPartnerReport(partner, randomUUID(), report(content));
      return receipt.reportId;
    },
    async close() {
      await queue.stop();
      await testStore.drop();
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}

/** An analyst as the routes build one. */
export function analyst(userId = randomUUID(), mayResolve = false) {
  return { actor: { actorType: 'user' as const, actorId: userId }, userId, mayResolve };
}

export async function jobsNamed(store: Store, name: string): Promise<unknown[]> {
  const { rows } = await sql<{ data: unknown }>`select data from jobs.job where name = ${name} order by created_on`.execute(store.db);
  return rows.map((row) => row.data);
}

/** Audit entries of an action, chained or still pending (the sealer chains them after commit). */
export async function auditOf(
  store: Store,
  action: string,
): Promise<{ subject_id: string; actor_id: string | null; detail: Record<string, unknown> }[]> {
  const { rows } = await sql<{ subject_id: string; actor_id: string | null; detail: Record<string, unknown> }>`
    select subject_id, actor_id, detail from (
      select subject_id, actor_id, detail, action, at from audit_log
      union all select subject_id, actor_id, detail, action, at from audit_pending) entries
    where action = ${action} order by at`.execute(store.db);
  return rows;
}
