import { randomBytes, randomUUID } from 'node:crypto';
import { Problem } from '../platform/http/index.js';
import type { StaffRole } from '../platform/access/index.js';
import type { ReportContent } from '../reports/index.js';
import type { DemoContext } from './context.js';
import { demoOrganisations, demoReports, demoStaff, type DemoAssessment, type DemoOrganisationKey } from './dataset.js';
import { demoPicture } from './images.js';
import { makeDemoNotices } from './notices.js';
import type { Actor } from './ports.js';

export interface DemoAccount {
  email: string;
  name: string;
  roles: string[];
}

export interface DemoLoaded {
  loadedAt: string;
  /** The one password of every demonstration account, shown once. */
  password: string;
  accounts: DemoAccount[];
  organisations: number;
  reports: number;
  assessed: number;
  /** Notices to the invented hosting company, for the takedown tracker. */
  notices: number;
}

const assessments: Record<Exclude<DemoAssessment, 'none'>, { legalStatus: 'baseline' | 'not_illegal'; imagery: boolean }> = {
  'confirmed-illegal': { legalStatus: 'baseline', imagery: true },
  'confirmed-not-illegal': { legalStatus: 'not_illegal', imagery: false },
  'awaiting-confirmation': { legalStatus: 'baseline', imagery: true },
};

/** Why the demonstration may not be loaded here, or null: only once, only where no report was ever received. */
export async function demoRefusal(ctx: DemoContext): Promise<'detail.demo-loaded' | 'detail.demo-not-empty' | null> {
  if (await ctx.db.selectFrom('demo_loads').select('id').limit(1).executeTakeFirst()) return 'detail.demo-loaded';
  if ((await ctx.services.reports.listReports({ limit: 1 })).reports.length > 0) return 'detail.demo-not-empty';
  return null;
}

async function hotlineOf(ctx: DemoContext, organisationId: string | undefined): Promise<string> {
  if (organisationId) return organisationId;
  const hotline = (await ctx.services.identity.listOrganisations()).find((organisation) => organisation.kind === 'hotline');
  if (!hotline) throw new Problem('conflict', { detail: 'detail.demo-no-hotline' });
  return hotline.id;
}

async function mediaOf(seeds: readonly number[] | undefined) {
  if (!seeds) return {};
  return { media: await Promise.all(seeds.map((seed) => demoPicture(Math.abs(seed), seed < 0))) };
}

/**
 * Loads the demonstration into an empty deployment through the real services: organisations
 * and their addressee roles, staff accounts, reports submitted as a partner platform would
 * (so cross-matching links them into clusters, and a child in immediate danger is routed at
 * intake), then assessments by two analysts (so routing makes referrals), and notices to an
 * invented host for the confirmed ones it hosts (so the takedown tracker has work). The jobs
 * that follow run in the workers, as for any report.
 */
export async function loadDemo(ctx: DemoContext, actor: Actor, organisationId?: string): Promise<DemoLoaded> {
  const refusal = await demoRefusal(ctx);
  if (refusal) throw new Problem('conflict', { detail: refusal });
  const { identity, referrals, reports, triage } = ctx.services;
  const hotline = await hotlineOf(ctx, organisationId);
  const system = { actorType: actor.actorType, actorId: actor.actorId } as const;

  const organisationIds: Record<DemoOrganisationKey, string> = { hotline, police: '', crip: '', interpol: '', partner: '' };
  for (const organisation of demoOrganisations) {
    const created = await identity.createOrganisation(system, {
      name: organisation.name,
      kind: organisation.kind,
      country: organisation.country,
    });
    organisationIds[organisation.key] = created.id;
    if (organisation.role) await referrals.setAddressee(actor, organisation.role, created.id);
  }

  const password = randomBytes(12).toString('base64url');
  const userIds: Record<string, string> = {};
  for (const person of demoStaff) {
    const user = await identity.createUser(system, {
      organisationId: organisationIds[person.organisation],
      email: person.email,
      name: person.name,
      roles: [...person.roles] as StaffRole[],
      password,
    });
    userIds[person.key] = user.id;
  }

  // The reports arrive as from a partner platform: through its key, which answers with each report's id.
  const { key } = await identity.createApiKey(system, {
    organisationId: hotline,
    name: 'Plateforme de démonstration',
    scopes: ['report.submit'],
  });
  const partner = {
    actor: { actorType: 'api_key', actorId: key.id, organisationId: hotline } as const,
    organisationId: hotline,
    apiKeyId: key.id,
  };
  const reportIds: string[] = [];
  for (const report of demoReports) {
    const content: ReportContent = { ...report.content, ...(await mediaOf(report.pictures)) };
    const { receipt } = await reports.submitPartnerReport(partner, randomUUID(), content);
    reportIds.push(receipt.reportId);
  }

  const analyst = (userKey: string) => ({
    actor: { actorType: 'user', actorId: userIds[userKey] ?? null, organisationId: hotline } as const,
    userId: userIds[userKey] ?? '',
    mayResolve: false,
  });
  let assessed = 0;
  for (const [index, report] of demoReports.entries()) {
    if (report.assessment === 'none') continue;
    const reportId = reportIds[index]!;
    const plan = assessments[report.assessment];
    const [first, second] = [analyst('analyst1'), analyst('analyst2')];
    await triage.claimReport(first, reportId);
    const step = await triage.assessReport(first, reportId, {
      legalStatus: plan.legalStatus,
      category: report.content.category,
      ageGroup: plan.imagery ? 'prepubescent' : null,
      imageryClass: plan.imagery ? 'A2' : null,
    });
    assessed += 1;
    if (report.assessment === 'awaiting-confirmation') continue;
    await triage.claimReport(second, reportId);
    await triage.confirmAssessment(second, reportId, step.assessment.id);
  }
  const confirmedIllegal = reportIds.filter((_, index) => demoReports[index]!.assessment === 'confirmed-illegal');
  const notices = await makeDemoNotices(ctx, actor, confirmedIllegal);

  const loadedAt = ctx.now();
  await ctx.change(async (trx, audit) => {
    const id = randomUUID();
    await trx
      .insertInto('demo_loads')
      .values({
        id,
        loaded_at: loadedAt,
        loaded_by: actor.actorType === 'user' ? actor.actorId : null,
        organisation_ids: Object.values(organisationIds).filter((value) => value !== hotline),
        user_ids: Object.values(userIds),
        report_ids: reportIds,
      })
      .execute();
    await audit(actor, { action: 'demo.load', subjectType: 'deployment', subjectId: id, detail: { reports: reportIds.length } });
  });
  return {
    loadedAt: loadedAt.toISOString(),
    password,
    accounts: demoStaff.map((person) => ({ email: person.email, name: person.name, roles: [...person.roles] })),
    organisations: demoOrganisations.length,
    reports: reportIds.length,
    assessed,
    notices,
  };
}
