import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchDefaultRules, hostingWaits, routeJob, RuleSet } from '../../src/routing/index.js';
import {
  auditEntries,
  contentReport,
  partnerHeaders,
  setUpAgencies,
  storedReferrals,
  submitReport,
  type Agencies,
} from '../support/agencies.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { assessAndConfirm, baselineImagery } from '../support/assessment.js';

/**
 * The rules as administrators edit them: every edit a new version, one active, the history
 * kept with who and when; the format validated and published. And the job's wait for the
 * URL analysis. No worker runs here: the URL analysis never happens.
 */
let t: TestVigie;
let agencies: Agencies;
let senior: StaffSession;

const inject = (session: StaffSession, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.vigie.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestVigie();
  agencies = await setUpAgencies(t);
  senior = await signInAs(t, ['senior_analyst']);
}, 120_000);
afterAll(() => t?.close());

describe('the rule format', () => {
  it('is published as JSON Schema, and the default French rules are valid against it', async () => {
    const response = await t.vigie.app.inject({ method: 'GET', url: '/api/schemas/routing-rules/v1.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
    const schema = response.json();
    expect(schema.$id).toBe(`${t.config.publicUrl}/api/schemas/routing-rules/v1.json`);
    expect(schema.properties.format.const).toBe('vigie.routing-rules/1');
    expect(Value.Check(RuleSet, frenchDefaultRules)).toBe(true);
  });
});

describe('versions', () => {
  it('start with the default French rules as version 1, active', async () => {
    const { versions } = (await inject(senior, 'GET', '/api/routing/versions')).json();
    expect(versions).toEqual([
      expect.objectContaining({ version: 1, active: true, createdBy: null, rules: frenchDefaultRules.rules.length }),
    ]);
    const active = (await inject(senior, 'GET', '/api/routing/active')).json();
    expect(active.ruleSet).toEqual(frenchDefaultRules);
    expect((await inject(senior, 'GET', '/api/routing/default-rules')).json()).toEqual(frenchDefaultRules);
  });

  it('save each edit as a new draft version, and put one in force at a time, keeping who and when', async () => {
    const edited = { ...frenchDefaultRules, rules: frenchDefaultRules.rules.slice(0, 2) };
    const saved = await inject(agencies.admin, 'POST', '/api/routing/versions', {
      ruleSet: edited,
      basedOn: 1,
      note: 'Intake and home hosting only',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, active: false, basedOn: 1, createdBy: agencies.admin.userId, activations: [] });
    const activated = await inject(agencies.admin, 'POST', '/api/routing/versions/2/activate');
    expect(activated.json()).toMatchObject({ version: 2, active: true, activations: [{ by: agencies.admin.userId }] });
    expect((await inject(senior, 'GET', '/api/routing/active')).json().version).toBe(2);
    // Back to version 1: its history shows both activations.
    await inject(agencies.admin, 'POST', '/api/routing/versions/1/activate');
    const first = (await inject(senior, 'GET', '/api/routing/versions/1')).json();
    expect(first.active).toBe(true);
    expect(first.activations.map((activation: { by: string | null }) => activation.by)).toEqual([null, agencies.admin.userId]);
    const { versions } = (await inject(senior, 'GET', '/api/routing/versions')).json();
    expect(versions.map((version: { version: number; active: boolean }) => [version.version, version.active])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect((await auditEntries(t, 'routing.activate')).map((entry) => [entry.subject_id, entry.detail.previous])).toEqual([
      ['2', 1],
      ['1', 2],
    ]);
    expect(await auditEntries(t, 'routing.version-create')).toHaveLength(1);
  });

  it('refuse a rule set the format does not allow, naming each field, and store nothing', async () => {
    const bad = async (ruleSet: object, pointer: string) => {
      const response = await inject(agencies.admin, 'POST', '/api/routing/versions', { ruleSet });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((error: { pointer: string }) => error.pointer)).toContain(pointer);
    };
    const rule = frenchDefaultRules.rules[0]!;
    await bad({ ...frenchDefaultRules, format: 'vigie.routing-rules/2' }, '#/ruleSet/format');
    await bad({ ...frenchDefaultRules, rules: [rule, rule] }, '#/ruleSet/rules/1/id');
    await bad({ ...frenchDefaultRules, rules: [{ ...rule, when: { urgent: true } }] }, '#/ruleSet/rules/0/when/trigger');
    await bad({ ...frenchDefaultRules, rules: [{ ...rule, when: { ...rule.when, colour: 'red' } }] }, '#/ruleSet/rules/0/when/colour');
    await bad({ ...frenchDefaultRules, rules: [{ ...rule, then: [{ refer: 'hosting_partner' }] }] }, '#/ruleSet/rules/0/then/0/otherwise');
    await bad({ ...frenchDefaultRules, rules: [{ ...rule, then: [{ refer: 'the_mayor' }] }] }, '#/ruleSet/rules/0/then/0');
    await bad(
      { ...frenchDefaultRules, rules: [{ ...rule, when: { ...rule.when, hostingCountries: ['ZZ'] } }] },
      '#/ruleSet/rules/0/when/hostingCountries/0',
    );
    const { versions } = (await inject(senior, 'GET', '/api/routing/versions')).json();
    expect(versions).toHaveLength(2);
  });

  it('answer 404 for a version that does not exist, to read, activate or try', async () => {
    expect((await inject(senior, 'GET', '/api/routing/versions/99')).statusCode).toBe(404);
    expect((await inject(agencies.admin, 'POST', '/api/routing/versions/99/activate')).statusCode).toBe(404);
    expect((await inject(senior, 'POST', '/api/routing/versions/99/dry-run', {})).statusCode).toBe(404);
  });
});

describe('the routing job', () => {
  it('puts off an assessed report until its URLs are analysed, then routes it with what is known', async () => {
    const partner = await partnerHeaders(t);
    const reportId = await submitReport(t, partner, contentReport(['https://never-analysed.example.org/p']));
    await assessAndConfirm(t, [await signInAs(t, ['analyst']), await signInAs(t, ['analyst'])], reportId, baselineImagery);
    const first = await t.vigie.routing.routeReport({ reportId, trigger: 'assessed' }, 'test');
    expect(first).toEqual({ outcome: 'waiting', seconds: hostingWaits[0] });
    const { rows } = await sql<{ data: { waited: number } }>`
      select data from jobs.job where name = ${routeJob} and data->>'reportId' = ${reportId} and data ? 'waited'`.execute(
      t.testStore.store.db,
    );
    expect(rows.map((row) => row.data.waited)).toEqual([1]);
    expect(await storedReferrals(t, reportId)).toEqual([]);
    // After the last wait it routes: nothing is known of the hosting, so only rules that do not need it may fire.
    const last = await t.vigie.routing.routeReport({ reportId, trigger: 'assessed', waited: hostingWaits.length }, 'test');
    expect(last).toMatchObject({ outcome: 'routed', fired: [], created: [] });
    const decision = (await auditEntries(t, 'routing.route')).find((entry) => entry.subject_id === reportId);
    expect(decision?.detail).toMatchObject({ trigger: 'assessed', hostingComplete: false, version: 1 });
  });

  it('skips a report without a final assessment, and one that no longer exists', async () => {
    const partner = await partnerHeaders(t);
    const reportId = await submitReport(t, partner, contentReport([]));
    expect(await t.vigie.routing.routeReport({ reportId, trigger: 'assessed' }, 'test')).toEqual({
      outcome: 'skipped',
      reason: 'not-assessed',
    });
    expect(await t.vigie.routing.routeReport({ reportId: '00000000-0000-4000-8000-000000000000', trigger: 'received' }, 'test')).toEqual({
      outcome: 'skipped',
      reason: 'no-report',
    });
  });
});
