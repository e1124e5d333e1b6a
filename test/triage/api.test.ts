import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedColumns } from '../../src/main.js';
import { createFieldCipher, loadKeyRing, rotateKeys } from '../../src/platform/crypto/index.js';
import { serverUrl } from '../support/store.js';
import { auditOf, startTriageApp, type TriageApp } from './support.js';

let app: TriageApp;
beforeAll(async () => {
  app = await startTriageApp();
}, 120_000);
afterAll(() => app?.close());

const system = { actorType: 'system', actorId: null } as const;
const assessment = { legalStatus: 'baseline', category: 'child_sexual_abuse_material', ageGroup: 'prepubescent', imageryClass: 'A1' };

interface QueueItem {
  report: { id: string; priority: number };
  stage: string;
  priorityReasons: string[];
  claim: { claimedBy: string } | null;
  assessment: { id: string; review: { fields: string[] } | null } | null;
}
const idsOf = (body: { items: QueueItem[] }) => body.items.map((item) => item.report.id);

describe('the queue', () => {
  it('orders by immediate danger, known content, trafficking, age, then oldest first, and follows detection', async () => {
    const place = { places: [{ country: 'LU' as const }] };
    const none = await app.submit(place);
    const prepubescent = await app.submit({ ...place, children: [{ age: 8 }] });
    const trafficking = await app.submit({ ...place, category: 'trafficking_for_sexual_exploitation' });
    const md5 = '5e'.repeat(16);
    const known = await app.submit({ ...place, category: 'child_sexual_abuse_material', media: [{ hashes: { md5 } }] });
    const urgent = await app.submit({ ...place, childInImmediateDanger: true });
    const urgentTraffickingInfant = await app.submit({
      ...place,
      childInImmediateDanger: true,
      category: 'child_prostitution',
      children: [{ age: 2 }],
    });
    const noneLater = await app.submit(place);

    const read = async () => (await app.as(app.analyst, 'GET', '/api/triage/queue?country=LU')).json();
    // Detection has not run: the known content is not known yet.
    expect(idsOf(await read())).toEqual([urgentTraffickingInfant, urgent, trafficking, prepubescent, none, known, noneLater]);

    const bank = await app.t.vigie.banks.createBank(system, { name: 'Known list', purpose: 'baseline', source: 'Hotline of Exampleland' });
    await app.t.vigie.banks.addEntry(system, bank.id, { md5, ageGroup: 'pubescent' });
    await app.t.vigie.reports.detectMedia([known]);
    const body = await read();
    expect(idsOf(body)).toEqual([urgentTraffickingInfant, urgent, known, trafficking, prepubescent, none, noneLater]);
    expect(body.items.map((item: QueueItem) => item.priorityReasons)).toEqual([
      ['immediate_danger', 'trafficking', 'infant_toddler'],
      ['immediate_danger'],
      ['known_content', 'pubescent'],
      ['trafficking'],
      ['prepubescent'],
      [],
      [],
    ]);
  });

  it('pages with a cursor in the same order, and filters', async () => {
    const all = idsOf((await app.as(app.analyst, 'GET', '/api/triage/queue?country=LU')).json());
    const seen: string[] = [];
    let url = '/api/triage/queue?country=LU&limit=3';
    for (;;) {
      const page = (await app.as(app.analyst, 'GET', url)).json();
      seen.push(...idsOf(page));
      if (!page.next) break;
      url = `/api/triage/queue?country=LU&limit=3&cursor=${page.next}`;
    }
    expect(seen).toEqual(all);
    const urgentOnly = (await app.as(app.analyst, 'GET', '/api/triage/queue?country=LU&urgent=true')).json();
    expect(urgentOnly.items).toHaveLength(2);
    const known = (await app.as(app.analyst, 'GET', '/api/triage/queue?country=LU&knownContent=true')).json();
    expect(known.items.map((item: QueueItem) => item.priorityReasons)).toEqual([['known_content', 'pubescent']]);
    const infants = (await app.as(app.analyst, 'GET', '/api/triage/queue?country=LU&ageGroup=infant_toddler')).json();
    expect(infants.items).toHaveLength(1);
    const trafficking = (
      await app.as(app.analyst, 'GET', '/api/triage/queue?country=LU&category=trafficking_for_sexual_exploitation')
    ).json();
    expect(trafficking.items).toHaveLength(1);

    // How long a report has waited: none of these an hour, until the last has waited more than a day.
    const waiting = async (hours: number) =>
      idsOf((await app.as(app.analyst, 'GET', `/api/triage/queue?country=LU&waitingHours=${hours}`)).json());
    expect(await waiting(1)).toEqual([]);
    const longest = all.at(-1)!;
    await sql`update reports set received_at = received_at - interval '30 hours' where id = ${longest}`.execute(app.t.testStore.store.db);
    expect(await waiting(1)).toEqual([longest]);
    expect(await waiting(24)).toEqual([longest]);
    expect(await waiting(48)).toEqual([]);

    const bad = await app.as(app.analyst, 'GET', '/api/triage/queue?ageGroup=teen&cursor=bad!&waitingHours=0');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((error: { parameter: string }) => error.parameter)
        .sort(),
    ).toEqual(['ageGroup', 'cursor', 'waitingHours']);
  });

  it('counts the reports at each stage, and answers 304 to a poll when nothing changed', async () => {
    const first = await app.as(app.supervisor, 'GET', '/api/triage/counts');
    expect(first.statusCode).toBe(200);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await app.t.vigie.app.inject({
      method: 'GET',
      url: '/api/triage/counts',
      headers: { ...app.supervisor.headers, 'if-none-match': tag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const before = first.json().stages.awaiting;
    await app.submit({ childInImmediateDanger: true });
    const changed = await app.t.vigie.app.inject({
      method: 'GET',
      url: '/api/triage/counts',
      headers: { ...app.supervisor.headers, 'if-none-match': tag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().stages.awaiting).toEqual({ ...before, total: before.total + 1, urgent: before.urgent + 1 });
  });
});

describe('claims over HTTP', () => {
  it('lets exactly one of several analysts claiming at once win', async () => {
    const reportId = await app.submit();
    const { signInAs } = await import('../support/app.js');
    const analysts = [app.analyst, app.second, app.senior, app.otherSenior];
    for (let i = 0; i < 4; i += 1) analysts.push(await signInAs(app.t, ['analyst']));
    const answers = await Promise.all(analysts.map((who) => app.as(who, 'POST', `/api/triage/reports/${reportId}/claim`)));
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = analysts[answers.findIndex((answer) => answer.statusCode === 200)]!;
    for (const answer of answers.filter((candidate) => candidate.statusCode === 409)) {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.json()).toMatchObject({ type: 'urn:vigie:problem:conflict', errors: [{ in: 'path', parameter: 'id' }] });
    }
    const state = (await app.as(app.supervisor, 'GET', `/api/triage/reports/${reportId}`)).json();
    expect(state.claim.claimedBy).toBe(winner.userId);
    expect((await auditOf(app.t.vigie.store, 'assessment.claim')).filter((entry) => entry.subject_id === reportId)).toHaveLength(1);
  }, 60_000);

  it(`runs the race on ${serverUrl ? 'PostgreSQL' : 'the embedded database'} many times, one winner each time`, async () => {
    const { signInAs } = await import('../support/app.js');
    const analysts = await Promise.all([0, 1, 2, 3, 4].map(() => signInAs(app.t, ['analyst'])));
    for (let round = 0; round < 10; round += 1) {
      const reportId = await app.submit();
      const answers = await Promise.all(analysts.map((who) => app.as(who, 'POST', `/api/triage/reports/${reportId}/claim`)));
      expect(answers.filter((answer) => answer.statusCode === 200)).toHaveLength(1);
      expect(answers.filter((answer) => answer.statusCode === 409)).toHaveLength(4);
    }
  }, 60_000);

  it('lets a supervisor hand a claim to another analyst, never to someone who cannot assess', async () => {
    const reportId = await app.submit();
    await app.as(app.analyst, 'POST', `/api/triage/reports/${reportId}/claim`);
    const toSupervisor = await app.as(app.supervisor, 'PUT', `/api/triage/reports/${reportId}/claim`, { userId: app.supervisor.userId });
    expect(toSupervisor.statusCode).toBe(422);
    expect(toSupervisor.json().errors).toEqual([expect.objectContaining({ pointer: '#/userId' })]);
    const handed = await app.as(app.supervisor, 'PUT', `/api/triage/reports/${reportId}/claim`, { userId: app.second.userId });
    expect(handed.statusCode).toBe(200);
    expect(handed.json().claim.claimedBy).toBe(app.second.userId);
    const stale = await app.as(app.analyst, 'POST', `/api/triage/reports/${reportId}/assessment`, assessment);
    expect(stale.statusCode).toBe(409);
    const entries = (await auditOf(app.t.vigie.store, 'assessment.reassign')).filter((entry) => entry.subject_id === reportId);
    expect(entries.map((entry) => entry.detail)).toEqual([{ from: app.analyst.userId, to: app.second.userId, purpose: 'assess' }]);
  });

  it('claims the first free report an analyst may take', async () => {
    const fresh = await app.submit({
      childInImmediateDanger: true,
      category: 'child_prostitution',
      children: [{ age: 1 }],
      places: [{ country: 'MC' }],
    });
    const taken = await app.as(app.second, 'POST', '/api/triage/next?country=MC');
    expect(taken.statusCode).toBe(200);
    expect(taken.json().claim.reportId).toBe(fresh);
    const none = await app.as(app.analyst, 'POST', '/api/triage/next?country=MC');
    expect(none.statusCode).toBe(404);
    const mine = (await app.as(app.second, 'GET', '/api/triage/queue?mine=true')).json();
    expect(idsOf(mine)).toContain(fresh);
  });
});

describe('assessing over HTTP', () => {
  it('refuses an assessment without the claim (409 naming the report), and bad values naming each field', async () => {
    const reportId = await app.submit();
    const unclaimed = await app.as(app.analyst, 'POST', `/api/triage/reports/${reportId}/assessment`, assessment);
    expect(unclaimed.statusCode).toBe(409);
    expect(unclaimed.json()).toMatchObject({ errors: [{ in: 'path', parameter: 'id' }] });
    await app.as(app.analyst, 'POST', `/api/triage/reports/${reportId}/claim`);
    const cases: [object, string[]][] = [
      [{ ...assessment, legalStatus: 'illegal' }, ['#/legalStatus']],
      [{ ...assessment, category: 'unknown_category' }, ['#/category']],
      [{ ...assessment, imageryClass: 'C1' }, ['#/imageryClass']],
      [{ ...assessment, ageGroup: 'pubescent' }, ['#/ageGroup']],
      [{ ...assessment, ageGroup: null }, ['#/ageGroup']],
      [{ ...assessment, legalStatus: 'not_illegal' }, ['#/imageryClass']],
      [{ ...assessment, note: '' }, ['#/note']],
      [{ ...assessment, extra: true }, ['#/extra']],
      [{ legalStatus: 'baseline' }, ['#/ageGroup', '#/category', '#/imageryClass']],
    ];
    for (const [payload, pointers] of cases) {
      const response = await app.t.vigie.app.inject({
        method: 'POST',
        url: `/api/triage/reports/${reportId}/assessment`,
        headers: { ...app.analyst.headers, 'accept-language': 'fr' },
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().title).toBe('Certains champs ne sont pas valides');
      expect(
        response
          .json()
          .errors.map((error: { pointer: string }) => error.pointer)
          .sort(),
        JSON.stringify(payload),
      ).toEqual(pointers);
    }
    const state = (await app.as(app.analyst, 'GET', `/api/triage/reports/${reportId}`)).json();
    expect(state).toMatchObject({ stage: 'awaiting', assessments: [] });
  });

  it('asks a second analyst, refuses the assessor (403), and shows the disagreement in the queue', async () => {
    const reportId = await app.submit({ places: [{ country: 'AD' }] });
    await app.as(app.analyst, 'POST', `/api/triage/reports/${reportId}/claim`);
    const assessed = await app.as(app.analyst, 'POST', `/api/triage/reports/${reportId}/assessment`, {
      ...assessment,
      note: 'Note inventée',
    });
    expect(assessed.statusCode).toBe(201);
    const assessmentId = assessed.json().assessment.id;
    const own = await app.as(app.analyst, 'POST', `/api/triage/reports/${reportId}/confirmation`, { assessmentId });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('A second analyst must review this assessment: you cannot confirm or dispute your own');
    const waiting = (await app.as(app.second, 'GET', '/api/triage/queue?country=AD&stage=confirming')).json();
    expect(waiting.items).toEqual([
      expect.objectContaining({ stage: 'confirming', assessment: expect.objectContaining({ id: assessmentId }) }),
    ]);

    await app.as(app.second, 'POST', `/api/triage/reports/${reportId}/claim`);
    const disagreed = await app.as(app.second, 'POST', `/api/triage/reports/${reportId}/disagreement`, {
      assessmentId,
      fields: ['imageryClass'],
      note: 'Seconde note inventée',
    });
    expect(disagreed.statusCode).toBe(200);
    const disputed = (await app.as(app.analyst, 'GET', '/api/triage/queue?country=AD&stage=disputed')).json();
    expect(disputed.items[0].assessment.review).toMatchObject({
      decision: 'disagreed',
      fields: ['imageryClass'],
      reviewedBy: app.second.userId,
    });
    const counts = (await app.as(app.analyst, 'GET', '/api/triage/counts')).json();
    expect(counts.stages.disputed.total).toBeGreaterThanOrEqual(1);

    const junior = await app.as(app.second, 'POST', `/api/triage/reports/${reportId}/claim`);
    expect(junior.statusCode).toBe(403);
    expect((await app.as(app.senior, 'POST', `/api/triage/reports/${reportId}/claim`)).statusCode).toBe(200);
    const settled = await app.as(app.senior, 'POST', `/api/triage/reports/${reportId}/assessment`, { ...assessment, imageryClass: 'A2' });
    expect(settled.statusCode).toBe(201);
    expect(settled.json()).toMatchObject({
      stage: 'final',
      final: { basis: 'resolved', imageryClass: 'A2', assessedBy: app.senior.userId },
    });

    const notes = await app.as(app.second, 'GET', `/api/triage/reports/${reportId}/notes`);
    expect(notes.json().notes.map((note: { note: string }) => note.note)).toEqual(['Note inventée', 'Seconde note inventée']);
    const supervisorNotes = await app.as(app.supervisor, 'GET', `/api/triage/reports/${reportId}/notes`);
    expect(supervisorNotes.statusCode).toBe(403);
    const view = await app.as(app.supervisor, 'GET', `/api/triage/reports/${reportId}`);
    expect(view.body).not.toContain('Note inventée');
    expect(view.json().final).toMatchObject({ basis: 'resolved' });
  });

  it('re-seals the notes at key rotation', async () => {
    const ring = await loadKeyRing({ keyFile: app.t.config.keyFile });
    const rotated = await rotateKeys({ db: app.t.vigie.store.db, ring, columns: sealedColumns });
    for (const table of ['triage_assessments', 'triage_reviews']) {
      const column = rotated.columns.find((candidate) => candidate.table === table && candidate.column === 'note_sealed');
      expect(column?.resealed, table).toBeGreaterThan(0);
    }
    const cipher = await createFieldCipher(rotated.ring);
    const { rows } = await sql<{ id: string; note_sealed: string }>`
      select id, note_sealed from triage_reviews where note_sealed is not null`.execute(app.t.vigie.store.db);
    expect(rows).toHaveLength(1);
    expect(cipher.keyIdOf(rows[0]!.note_sealed)).toBe(rotated.keyId);
    expect(cipher.open(rows[0]!.note_sealed, `triage_reviews.note_sealed:${rows[0]!.id}`)).toBe('Seconde note inventée');
  });
});
