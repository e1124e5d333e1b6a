import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeJob } from '../../src/routing/index.js';
import { waitFor } from '../jobs/wait-for.js';
import { auditEntries, contentReport, storedReferrals, submitReport, urgentReport, type Agencies } from '../support/agencies.js';
import type { StaffSession, TestVigie } from '../support/app.js';
import { assessAndConfirm, baselineImagery } from '../support/assessment.js';
import { startRoutingWorld, urlAnalysisCount, type RoutingWorld } from '../support/routing-world.js';

/**
 * Issue 5's routing, end to end: reports submitted through the partner API, their URLs
 * resolved by a DNS server on loopback and placed by the fixture dataset (192.0.2.0/24 in
 * France, 198.51.100.0/25 in Germany, 203.0.113.0/24 in Japan), the abuse contact from an
 * RDAP service on loopback, assessed and confirmed through triage's API, routed by a worker
 * under the default French rules; then the dry run over the stored reports.
 */
let world: RoutingWorld;
let t: TestVigie;
let agencies: Agencies;
let partner: Record<string, string>;
let analysts: [StaffSession, StaffSession];
let senior: StaffSession;
const reports = { abroad: '', noPartner: '', home: '', urgent: '', linked: '' };

const analysed = (reportId: string) => urlAnalysisCount(t, reportId);

beforeAll(async () => {
  world = await startRoutingWorld({
    'files.example.net': { A: ['198.51.100.20'] },
    'mirror.example.net': { A: ['203.0.113.10'] },
    'www.example.org': { A: ['192.0.2.10'] },
  });
  ({ t, agencies, partner, analysts, senior } = world);

  reports.abroad = await submitReport(t, partner, contentReport(['https://files.example.net/album/1.jpg']));
  reports.noPartner = await submitReport(t, partner, contentReport(['https://mirror.example.net/x']));
  reports.home = await submitReport(t, partner, contentReport(['https://www.example.org/galerie/7']));
  reports.urgent = await submitReport(t, partner, urgentReport());
  // The same page as the home report: linked to it, in its cluster.
  reports.linked = await submitReport(t, partner, contentReport(['https://WWW.example.org/galerie/7#haut']));
  await waitFor(
    'the URL analyses',
    async () => (await Promise.all([reports.abroad, reports.noPartner, reports.home].map(analysed))).every((n) => n === 1),
    60_000,
  );
  for (const id of [reports.abroad, reports.noPartner, reports.home]) await assessAndConfirm(t, analysts, id, baselineImagery);
  await waitFor(
    'the routing of the assessed reports',
    async () => (await auditEntries(t, 'routing.route')).filter((entry) => entry.detail.trigger === 'assessed').length === 3,
    60_000,
  );
}, 180_000);
afterAll(() => world?.close());

const summary = (rows: Awaited<ReturnType<typeof storedReferrals>>) =>
  rows.map((row) => ({ kind: row.kind, organisation: row.organisation_id, status: row.status, countries: row.countries }));

describe('routing under the default French rules', () => {
  it('forwards content the dataset places abroad to that country’s partner hotline', async () => {
    expect(summary(await storedReferrals(t, reports.abroad))).toEqual([
      { kind: 'partner_hotline', organisation: agencies.germanHotline, status: 'sent', countries: ['DE'] },
    ]);
  });

  it('sends it to the INTERPOL liaison where the hosting country has no partner', async () => {
    expect(summary(await storedReferrals(t, reports.noPartner))).toEqual([
      { kind: 'interpol', organisation: agencies.interpol, status: 'sent', countries: ['JP'] },
    ]);
  });

  it('refers content hosted at home to the police unit, with a notice to the host’s abuse contact left for sending', async () => {
    const rows = await storedReferrals(t, reports.home);
    expect(summary(rows)).toEqual([
      { kind: 'notice', organisation: null, status: 'pending', countries: ['FR'] },
      { kind: 'police', organisation: agencies.police, status: 'sent', countries: [] },
    ]);
    expect(rows[0]!.addressee).toMatchObject({ emails: ['abuse@hebergement.example.net'], hosts: ['www.example.org'], asn: 64496 });
  });

  it('refers a child in immediate danger to the police and child protection at intake, before any assessment', async () => {
    await waitFor('the intake routing', async () => (await storedReferrals(t, reports.urgent)).length === 2, 30_000);
    const rows = await storedReferrals(t, reports.urgent);
    expect(rows.map((row) => [row.kind, row.organisation_id, row.trigger])).toEqual([
      ['information_preoccupante', agencies.crip, 'received'],
      ['police', agencies.police, 'received'],
    ]);
    expect(await t.vigie.triage.finalAssessmentOf(reports.urgent)).toBeNull();
  });

  it('never refers a report twice to a target: a retry of the job, or the same job again, adds nothing', async () => {
    const before = await storedReferrals(t);
    const again = await t.vigie.routing.routeReport({ reportId: reports.home, trigger: 'assessed' }, 'retry');
    expect(again).toMatchObject({ outcome: 'routed', created: [], existing: ['role:national_police', `notice:ABUSE-NET-192-0-2-0-1`] });
    await t.vigie.jobs.enqueue(t.vigie.store.db, routeJob, { reportId: reports.abroad, trigger: 'assessed' });
    await waitFor(
      'the job run again',
      async () => (await auditEntries(t, 'routing.route')).filter((entry) => entry.subject_id === reports.abroad).length === 2,
    );
    expect(await storedReferrals(t)).toEqual(before);
  });

  it('shows, for each report of a cluster, which agency already handles it', async () => {
    await waitFor('the link', async () => (await t.vigie.reports.readReport(reports.linked)).links.length > 0, 30_000);
    const response = await t.vigie.app.inject({
      method: 'GET',
      url: `/api/reports/${reports.linked}/cluster`,
      headers: analysts[0].headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const cluster = response.json();
    expect(cluster.source).toBe('cluster');
    expect(cluster.reports.map((report: { reportId: string }) => report.reportId).sort()).toEqual([reports.home, reports.linked].sort());
    const home = cluster.reports.find((report: { reportId: string }) => report.reportId === reports.home);
    expect(
      home.referrals.map((referral: { kind: string; organisationName: string }) => `${referral.kind} ${referral.organisationName}`).sort(),
    ).toEqual(['notice Abuse desk', 'police Office mineurs (exemple)']);
    expect(cluster.handledBy).toContainEqual({
      organisationId: agencies.police,
      organisationName: 'Office mineurs (exemple)',
      kinds: ['police'],
      reportIds: [reports.home],
    });
  });
});

describe('the dry run', () => {
  const dryRun = (version: number, payload: object) =>
    t.vigie.app.inject({ method: 'POST', url: `/api/routing/versions/${version}/dry-run`, headers: senior.headers, payload });

  it('reproduces over the stored reports every decision the job made, each referral already there', async () => {
    const ids = Object.values(reports);
    const response = await dryRun(1, { reportIds: ids });
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    const decided = answer.reports.flatMap(
      (report: {
        reportId: string;
        referrals: { kind: string; target: string; organisation: { id: string } | null; existingReferralId: string | null }[];
      }) =>
        report.referrals.map((referral) => ({
          report: report.reportId,
          kind: referral.kind,
          target: referral.target,
          organisation: referral.organisation?.id ?? null,
          id: referral.existingReferralId,
        })),
    );
    const stored = (await storedReferrals(t)).map((row) => ({
      report: row.report_id,
      kind: row.kind,
      target: row.target,
      organisation: row.organisation_id,
      id: row.id,
    }));
    const byKey = (a: { report: string; target: string }, b: { report: string; target: string }) =>
      `${a.report}${a.target}`.localeCompare(`${b.report}${b.target}`);
    expect(decided.sort(byKey)).toEqual(stored.sort(byKey));
    expect(answer.summary).toMatchObject({ reports: 5, referrals: 6, new: 0 });
    const urgent = answer.reports.find((report: { reportId: string }) => report.reportId === reports.urgent);
    expect(urgent.fired).toEqual([{ trigger: 'received', rules: ['child-in-immediate-danger'] }]);
  });

  it('shows what a draft would change, over the newest reports, and writes nothing', async () => {
    const active = (await t.vigie.app.inject({ method: 'GET', url: '/api/routing/active', headers: senior.headers })).json();
    const rules = active.ruleSet.rules.filter((rule: { id: string }) => rule.id !== 'illegal-content-hosted-at-home');
    rules.push({
      id: 'home-hosting-notice-only',
      when: { trigger: ['assessed'], hosting: ['home'] },
      then: [{ notice: 'host', hosting: 'home' }],
    });
    const draft = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/routing/versions',
      headers: agencies.admin.headers,
      payload: { ruleSet: { ...active.ruleSet, rules }, basedOn: active.version, note: 'Notices only for home hosting (trial)' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const before = await storedReferrals(t);
    const response = await dryRun(draft.json().version, { limit: 10 });
    expect(response.statusCode, response.body).toBe(200);
    const home = response.json().reports.find((report: { reportId: string }) => report.reportId === reports.home);
    expect(home.fired).toEqual([{ trigger: 'assessed', rules: ['home-hosting-notice-only'] }]);
    expect(home.referrals.map((referral: { kind: string }) => referral.kind)).toEqual(['notice']);
    expect(response.json().reports.map((report: { reportId: string }) => report.reportId)).toHaveLength(5);
    expect(await storedReferrals(t)).toEqual(before);
  });
});
