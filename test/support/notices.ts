import type { TestVigie } from './app.js';

let counter = 0;

/**
 * A notice to a host about every URL of a report, made by referrals' own code as routing
 * makes it (its plan, then its record), addressed to an invented RDAP abuse contact.
 */
export async function noticeFor(t: TestVigie, reportId: string, emails: string[]): Promise<string> {
  counter += 1;
  const items = await t.vigie.reports.readUrlsForAnalysis([reportId], { jobId: `test-notice-${counter}` });
  const addressee = {
    key: `ABUSE-EX${counter}`,
    handle: `ABUSE-EX${counter}`,
    name: 'Abuse desk (example)',
    emails,
    network: 'EXAMPLE-HOSTING',
    asn: 64500,
    hosts: ['127.0.0.1'],
  };
  const planned = await t.vigie.referrals.planReferrals([
    { ruleId: 'test-notice', target: { notice: addressee }, countries: ['FR'], itemIds: items.map((item) => item.itemId) },
  ]);
  await t.vigie.referrals.recordRouting({
    reportId,
    urgent: false,
    trigger: 'assessed',
    ruleVersion: 1,
    firedRules: ['test-notice'],
    referrals: planned,
    jobId: `test-notice-${counter}`,
    hostingComplete: true,
  });
  const notice = (await t.vigie.referrals.openNotices({ limit: 1000 })).find((open) => open.reportId === reportId);
  if (!notice) throw new Error('no notice was made');
  return notice.referralId;
}
