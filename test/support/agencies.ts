import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { AddresseeRole } from '../../src/referrals/index.js';
import type { ReportContent } from '../../src/reports/index.js';
import { signInAs, type StaffSession, type TestVigie } from './app.js';

const system = { actorType: 'system', actorId: null } as const;

/** The agencies of an invented French deployment, and a foreign hotline. */
export interface Agencies {
  police: string;
  crip: string;
  interpol: string;
  travelOffice: string;
  germanHotline: string;
  admin: StaffSession;
}

/** Creates the agencies and maps the addressee roles to them through the API, as an administrator would. */
export async function setUpAgencies(
  t: TestVigie,
  roles: AddresseeRole[] = ['national_police', 'child_protection_unit', 'interpol_liaison'],
) {
  const create = async (name: string, kind: 'police' | 'child_protection' | 'hotline', country: string) =>
    (await t.vigie.identity.createOrganisation(system, { name, kind, country })).id;
  const agencies: Agencies = {
    police: await create('Office mineurs (exemple)', 'police', 'FR'),
    crip: await create('CRIP de Paris (exemple)', 'child_protection', 'FR'),
    interpol: await create('BCN Interpol (exemple)', 'police', 'FR'),
    travelOffice: await create('Office voyage et tourisme (exemple)', 'police', 'FR'),
    germanHotline: await create('Beispiel-Meldestelle', 'hotline', 'DE'),
    admin: await signInAs(t, ['administrator']),
  };
  const organisationOf: Record<AddresseeRole, string> = {
    national_police: agencies.police,
    child_protection_unit: agencies.crip,
    interpol_liaison: agencies.interpol,
    travel_tourism_office: agencies.travelOffice,
    referral_mechanism: agencies.crip,
  };
  for (const role of roles) await mapAddressee(t, agencies.admin, role, organisationOf[role]);
  return agencies;
}

export async function mapAddressee(t: TestVigie, admin: StaffSession, role: AddresseeRole, organisationId: string) {
  const response = await t.vigie.app.inject({
    method: 'PUT',
    url: `/api/referrals/addressees/${role}`,
    headers: admin.headers,
    payload: { organisationId },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { assigned: number };
}

export async function partnerHeaders(t: TestVigie): Promise<Record<string, string>> {
  const { secret } = await t.vigie.identity.createApiKey(system, {
    organisationId: t.organisationId,
    name: 'platform',
    scopes: ['report.submit'],
  });
  return { authorization: `Bearer ${secret}` };
}

export async function submitReport(t: TestVigie, partner: Record<string, string>, content: ReportContent): Promise<string> {
  const response = await t.vigie.app.inject({
    method: 'POST',
    url: '/api/partner/reports',
    headers: { ...partner, 'idempotency-key': randomUUID() },
    payload: content,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().reportId as string;
}

/** An invented report of content seen at these URLs. */
export function contentReport(urls: string[], overrides: Partial<ReportContent> = {}): ReportContent {
  return {
    category: 'child_sexual_abuse_material',
    childInImmediateDanger: false,
    language: 'fr',
    narrative: 'Des images ont été vues à ces adresses.',
    urls,
    ...overrides,
  };
}

/** A report of a child in immediate danger, with a planted name, contact and identifiers to find in views. */
export function urgentReport(overrides: Partial<ReportContent> = {}): ReportContent {
  return {
    category: 'online_grooming',
    childInImmediateDanger: true,
    language: 'fr',
    narrative: 'Un adulte a donné rendez-vous ce soir à une enfant rencontrée en ligne.',
    urls: ['https://chat.example.org/room/77'],
    onlineIdentifiers: [{ platform: 'ExampleChat', username: 'nightowl_2011' }],
    places: [{ country: 'FR', subdivision: 'FR-75C', city: 'Paris', role: 'child' }],
    children: [{ name: 'Lison Exemplaire', age: 11, presumedMinor: true }],
    reportedPersons: [{ aliases: ['nightowl'], ageRange: { min: 30, max: 50 } }],
    reporter: { role: 'parent_or_relative', contact: { name: 'Alix Témoin', email: 'alix.temoin@example.org' }, consentToContact: true },
    ...overrides,
  };
}

export interface StoredReferral {
  id: string;
  report_id: string;
  kind: string;
  target: string;
  organisation_id: string | null;
  status: string;
  trigger: string;
  rule_id: string;
  countries: string[];
  addressee: { emails: string[]; key: string } | null;
}

export async function storedReferrals(t: TestVigie, reportId?: string): Promise<StoredReferral[]> {
  const { rows } = await sql<StoredReferral>`
    select id, report_id, kind, target, organisation_id, status, trigger, rule_id, countries, addressee from referrals
    where ${reportId ? sql`report_id = ${reportId}` : sql`true`} order by kind, target`.execute(t.testStore.store.db);
  return rows;
}

/** Audit entries of an action, sealed in the chain or still pending. */
export async function auditEntries(t: TestVigie, action: string) {
  const { rows } = await sql<{ actor_id: string | null; subject_id: string; detail: Record<string, unknown> }>`
    select actor_id, subject_id, detail from audit_log where action = ${action}
    union all select actor_id, subject_id, detail from audit_pending where action = ${action}`.execute(t.testStore.store.db);
  return rows;
}
