import { sql } from 'kysely';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { ReportContent } from '../../src/reports/index.js';
import type { Store } from '../../src/platform/store/index.js';
import { createTestVigie, type TestVigie } from '../support/app.js';

/** Invented data only: example.org addresses, numbers from ranges reserved for fiction. */
export function sampleReport(overrides: Partial<ReportContent> = {}): ReportContent {
  return {
    category: 'online_grooming',
    childInImmediateDanger: false,
    occurredAt: '2025-03-01',
    submittedAt: '2025-03-02T10:00:00.000Z',
    language: 'fr',
    narrative: 'Un adulte a contacté un enfant sur un jeu en ligne.\nIl demande des photos.',
    urls: ['https://chat.example.org/room/42', 'https://files.example.net/a/b.jpg'],
    media: [
      {
        hashes: { md5: '0123456789abcdef0123456789abcdef', sha256: 'ab'.repeat(32) },
        fileName: 'capture.jpg',
        mediaType: 'image/jpeg',
      },
      { hashes: { sha1: 'cd'.repeat(20) } },
    ],
    onlineIdentifiers: [{ platform: 'ExampleGame', username: 'shadow_fox_1999', phone: '+33639980001' }],
    places: [{ country: 'FR', subdivision: 'FR-75C', city: 'Paris', role: 'child' }],
    children: [{ name: 'Camille', age: 12, gender: 'female', languages: ['fr'], presumedMinor: true }],
    reportedPersons: [{ aliases: ['foxy'], ageRange: { min: 30, max: 45 }, onlineIdentifiers: [{ email: 'foxy.man@example.org' }] }],
    reporter: { role: 'parent_or_relative', contact: { name: 'Dominique Exemple', phone: '+33639980002' }, consentToContact: true },
    ...overrides,
  };
}

export interface Intake {
  t: TestVigie;
  /** Authorization header of a partner key scoped to report.submit. */
  partner: Record<string, string>;
  partnerOrganisationId: string;
  close(): Promise<void>;
}

export async function startIntake(env: Record<string, string> = {}): Promise<Intake> {
  const t = await createTestVigie(env);
  const system = { actorType: 'system', actorId: null } as const;
  const organisation = await t.vigie.identity.createOrganisation(system, { name: 'Example Platform', kind: 'partner' });
  const { secret } = await t.vigie.identity.createApiKey(system, {
    organisationId: organisation.id,
    name: 'intake',
    scopes: ['report.submit'],
  });
  return { t, partner: { authorization: `Bearer ${secret}` }, partnerOrganisationId: organisation.id, close: () => t.close() };
}

let address = 0;
/** A request from a new address each time, so that the public routes' rate limits stay out of the way. */
export function fromNewAddress(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

export function inject(t: TestVigie, options: InjectOptions): Promise<LightMyRequestResponse> {
  return t.vigie.app.inject({ remoteAddress: fromNewAddress(), ...options });
}

export async function count(store: Store, table: string, where = sql`true`): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)} where ${where}`.execute(store.db);
  return Number(rows[0]?.n ?? 0);
}

/** Audit entries of an action, chained or still pending (the sealer chains them after commit). */
export async function auditEntries(store: Store, action: string): Promise<{ subject_id: string; actor_type: string; detail: unknown }[]> {
  const pending = await sql<{ present: boolean }>`select to_regclass('audit_pending') is not null as present`.execute(store.db);
  const from = pending.rows[0]?.present
    ? sql`(select subject_id, actor_type, detail, action from audit_log union all
           select subject_id, actor_type, detail, action from audit_pending) entries`
    : sql`audit_log entries`;
  const { rows } = await sql<{ subject_id: string; actor_type: string; detail: unknown }>`
    select subject_id, actor_type, detail from ${from} where action = ${action}`.execute(store.db);
  return rows;
}

export async function jobsNamed(store: Store, name: string): Promise<{ data: unknown }[]> {
  const { rows } = await sql<{ data: unknown }>`select data from jobs.job where name = ${name}`.execute(store.db);
  return rows;
}

/** Row counts of every table the intake writes, to prove a refused request wrote nothing. */
export async function intakeFootprint(store: Store) {
  return {
    reports: await count(store, 'reports'),
    items: await count(store, 'report_items'),
    matchKeys: await count(store, 'report_match_keys'),
    additions: await count(store, 'report_additions'),
    links: await count(store, 'report_links'),
    idempotency: await count(store, 'report_idempotency'),
    calls: await count(store, 'report_calls'),
    hotelReports: await count(store, 'report_hotels'),
    audit: (await auditEntries(store, 'report.receive')).length + (await auditEntries(store, 'report.add-information')).length,
    jobs: (await jobsNamed(store, 'report.cross-match')).length,
  };
}
