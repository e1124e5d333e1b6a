import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../../../test/support/app.js';

/** GET /api/reports/:id/history over HTTP: who may read it, what it holds, what it refuses. */
let t: TestVigie;
let analyst: StaffSession;
let administrator: StaffSession;
let reportId: string;

beforeAll(async () => {
  t = await createTestVigie();
  analyst = await signInAs(t, ['analyst']);
  administrator = await signInAs(t, ['administrator']);
  const partner = { actor: { actorType: 'system', actorId: null } as const, organisationId: t.organisationId, apiKeyId: randomUUID() };
  const { receipt } = await t.vigie.reports.submitPartnerReport(partner, randomUUID(), {
    category: 'online_grooming',
    childInImmediateDanger: false,
    narrative: 'Un adulte écrit à un enfant sur un jeu en ligne (récit inventé pour les tests).',
    urls: ['https://chat.example.org/room/3'],
  });
  reportId = receipt.reportId;
}, 120_000);
afterAll(() => t?.close());

const get = (who: StaffSession, url: string) =>
  t.vigie.app.inject({ method: 'GET', url, headers: { ...who.headers, 'accept-language': 'en' } });

describe("a report's history", () => {
  it('lists what happened to the report, newest first, the personal data read included', async () => {
    expect((await get(analyst, `/api/reports/${reportId}/personal-data`)).statusCode).toBe(200);
    const response = await get(analyst, `/api/reports/${reportId}/history`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    const { entries } = response.json() as { entries: { action: string; actorId: string | null }[] };
    expect(entries[0]).toMatchObject({ action: 'report.read-personal', actorId: analyst.userId });
    expect(entries.map((entry) => entry.action)).toContain('report.receive');
    expect(JSON.stringify(entries)).not.toContain('chat.example.org');
  });

  it('is refused to a role that may not read the report, and names each bad parameter', async () => {
    expect((await get(administrator, `/api/reports/${reportId}/history`)).statusCode).toBe(403);
    const named = async (url: string) => {
      const bad = await get(analyst, url);
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      return (bad.json() as { errors: { parameter?: string }[] }).errors.map((error) => error.parameter);
    };
    expect(await named('/api/reports/not-a-report/history')).toEqual(['id']);
    expect(await named(`/api/reports/${reportId}/history?limit=0`)).toEqual(['limit']);
    expect(await named(`/api/reports/${reportId}/history?since=1`)).toEqual(['since']);
  });
});
