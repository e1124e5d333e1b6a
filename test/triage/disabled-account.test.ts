import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { auditOf, startTriageApp, type TriageApp } from './support.js';

/** An account disabled while it holds reports: the reports are free at once, not when the claims expire. */
let app: TriageApp;
let admin: StaffSession;
beforeAll(async () => {
  app = await startTriageApp();
  admin = await signInAs(app.t, ['administrator']);
}, 120_000);
afterAll(() => app?.close());

describe('disabling an account that holds claims', () => {
  it('ends its claims in the same change, audited by the administrator; other analysts’ claims stay', async () => {
    const leaving = await signInAs(app.t, ['analyst']);
    const held = [await app.submit({ childInImmediateDanger: true }), await app.submit()];
    const kept = await app.submit();
    for (const reportId of held) expect((await app.as(leaving, 'POST', `/api/triage/reports/${reportId}/claim`)).statusCode).toBe(200);
    expect((await app.as(app.analyst, 'POST', `/api/triage/reports/${kept}/claim`)).statusCode).toBe(200);
    const claimOf = async (reportId: string) => (await app.as(app.supervisor, 'GET', `/api/triage/reports/${reportId}`)).json().claim;
    expect((await claimOf(held[0]!)).claimedBy).toBe(leaving.userId);

    const disabled = await app.t.vigie.app.inject({ method: 'POST', url: `/api/users/${leaving.userId}/disable`, headers: admin.headers });
    expect(disabled.statusCode, disabled.body).toBe(204);

    for (const reportId of held) expect(await claimOf(reportId)).toBeNull();
    expect((await claimOf(kept)).claimedBy).toBe(app.analyst.userId);
    const releases = (await auditOf(app.t.vigie.store, 'assessment.release')).filter((entry) => held.includes(entry.subject_id));
    expect(releases.map((entry) => entry.subject_id).sort()).toEqual([...held].sort());
    for (const entry of releases) {
      expect(entry.actor_id).toBe(admin.userId);
      const detail = typeof entry.detail === 'string' ? JSON.parse(entry.detail) : entry.detail;
      expect(detail).toMatchObject({ reason: 'account-disabled', userId: leaving.userId });
    }
    // Another analyst takes the urgent one at once.
    expect((await app.as(app.second, 'POST', `/api/triage/reports/${held[0]}/claim`)).statusCode).toBe(200);
  });
});
