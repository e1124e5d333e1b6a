import type { DemoContext } from './context.js';
import { demoHostContact, demoHostingCompany } from './dataset.js';
import type { Actor } from './ports.js';

/** The rule id the demonstration's notices carry, so the referral and its audit entries say where they come from. */
export const demoNoticeRule = 'demonstration-notice';

/**
 * The notices the home-hosting rule would make for the confirmed reports whose URLs are at
 * the invented hosting company — made by referrals' own code (its plan, then its record),
 * since the invented names resolve nowhere and the URL analysis places no host. From there
 * everything is real: the takedown cycle takes them up, checks the URLs and sends the notices
 * (when mail is configured), and the tracker shows where each stands. Also sets the contact the
 * hotline keeps for one host, which takes the place of the RDAP abuse desk for that host.
 */
export async function makeDemoNotices(ctx: DemoContext, actor: Actor, reportIds: readonly string[]): Promise<number> {
  const { referrals, reports, takedowns } = ctx.services;
  await takedowns.setHostContact(actor, demoHostContact.name, { emails: [...demoHostContact.emails], language: demoHostContact.language });
  const hosted = new Set<string>(demoHostingCompany.hosts);
  const items = await reports.readUrlsForAnalysis(reportIds, { jobId: 'demo-load', purpose: 'demo-notices' });
  let made = 0;
  for (const reportId of reportIds) {
    const mine = items.filter((item) => item.reportId === reportId && hosted.has(new URL(item.url).hostname));
    if (mine.length === 0) continue;
    const itemIds = mine.map((item) => item.itemId);
    const hosts = [...new Set(mine.map((item) => new URL(item.url).hostname))];
    const { country, ...addressee } = demoHostingCompany;
    const planned = await referrals.planReferrals([
      {
        ruleId: demoNoticeRule,
        target: { notice: { ...addressee, emails: [...addressee.emails], hosts } },
        countries: [country],
        itemIds,
      },
    ]);
    const outcome = await referrals.recordRouting({
      reportId,
      urgent: false,
      trigger: 'demonstration',
      ruleVersion: 0,
      firedRules: [demoNoticeRule],
      referrals: planned,
      jobId: 'demo-load',
      hostingComplete: true,
    });
    made += outcome.created.length;
  }
  return made;
}
