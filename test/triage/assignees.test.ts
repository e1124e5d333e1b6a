import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, testPassword } from '../support/app.js';
import { auditOf, startTriageApp, type TriageApp } from './support.js';

let app: TriageApp;
beforeAll(async () => {
  app = await startTriageApp();
}, 120_000);
afterAll(() => app?.close());

const system = { actorType: 'system', actorId: null } as const;

interface Assignee {
  id: string;
  name: string;
  roles: string[];
  mayResolve: boolean;
}

describe('the assignees a supervisor may hand a claim to', () => {
  it("lists the organisation's active analysts by name, and audits the read", async () => {
    const { identity } = app.t.vigie;
    const named = await identity.createUser(system, {
      organisationId: app.t.organisationId,
      email: 'camille.assignee@example.org',
      name: 'Camille Exemple',
      roles: ['analyst', 'intake_operator'],
      password: testPassword,
    });
    const gone = await signInAs(app.t, ['analyst']);
    await identity.disableUser(system, gone.userId);
    const elsewhere = await identity.createOrganisation(system, { name: 'Another Hotline', kind: 'hotline' });
    const foreign = await signInAs(app.t, ['analyst'], elsewhere.id);
    const administrator = await signInAs(app.t, ['administrator']);

    const answer = await app.as(app.supervisor, 'GET', '/api/triage/assignees');
    expect(answer.statusCode).toBe(200);
    const { assignees } = answer.json<{ assignees: Assignee[] }>();
    const ids = assignees.map((assignee) => assignee.id);
    expect(new Set(ids)).toEqual(new Set([app.analyst.userId, app.second.userId, app.senior.userId, app.otherSenior.userId, named.id]));
    for (const absent of [gone.userId, foreign.userId, administrator.userId, app.supervisor.userId]) expect(ids).not.toContain(absent);
    expect(assignees.find((assignee) => assignee.id === named.id)).toEqual({
      id: named.id,
      name: 'Camille Exemple',
      roles: ['analyst', 'intake_operator'],
      mayResolve: false,
    });
    expect(assignees.find((assignee) => assignee.id === app.senior.userId)).toMatchObject({ mayResolve: true, roles: ['senior_analyst'] });
    expect(assignees.map((assignee) => assignee.name)).toEqual(
      assignees.map((assignee) => assignee.name).sort((a, b) => a.localeCompare(b)),
    );

    const listings = (await auditOf(app.t.vigie.store, 'assessment.assignees')).filter((entry) => entry.actor_id === app.supervisor.userId);
    expect(listings).toHaveLength(1);
    expect(listings[0]?.subject_id).toBe(app.t.organisationId);
    expect(listings[0]?.detail).toEqual({ count: 5, userIds: ids });
    // The names were decrypted through identity's audited names-only read, as the supervisor's: one entry, no e-mail.
    const reads = (await auditOf(app.t.vigie.store, 'user.read-names')).filter((entry) => entry.actor_id === app.supervisor.userId);
    expect(reads).toHaveLength(1);
    expect(new Set((reads[0]?.detail as { userIds: string[] }).userIds)).toEqual(new Set(ids));
    expect(reads[0]?.detail).toMatchObject({ fields: ['name'] });
    const personal = (await auditOf(app.t.vigie.store, 'user.read-personal')).filter((entry) => entry.actor_id === app.supervisor.userId);
    expect(personal).toEqual([]);
    // No name in the raw audit.
    expect(JSON.stringify(listings)).not.toContain('Camille');
  });

  it('is refused to an analyst and to an administrator', async () => {
    expect((await app.as(app.analyst, 'GET', '/api/triage/assignees')).statusCode).toBe(403);
    const administrator = await signInAs(app.t, ['administrator']);
    expect((await app.as(administrator, 'GET', '/api/triage/assignees')).statusCode).toBe(403);
    const before = await auditOf(app.t.vigie.store, 'user.read-names');
    expect(before.filter((entry) => entry.actor_id === app.analyst.userId)).toEqual([]);
  });

  it('lists someone to whom the supervisor may then hand a claim', async () => {
    const reportId = await app.submit();
    const { assignees } = (await app.as(app.supervisor, 'GET', '/api/triage/assignees')).json<{ assignees: Assignee[] }>();
    const chosen = assignees.find((assignee) => assignee.id === app.second.userId);
    expect(chosen).toBeDefined();
    const handed = await app.as(app.supervisor, 'PUT', `/api/triage/reports/${reportId}/claim`, { userId: chosen?.id });
    expect(handed.statusCode).toBe(200);
    expect(handed.json().claim.claimedBy).toBe(app.second.userId);
  });
});
