import type { ChangeTools, ReportContext } from './context.js';
import { crossMatchJob, detectMediaJob, type CrossMatchData, type DetectMediaData } from './model.js';
import type { IntakeFollowUp, IntakeFollowUpData } from './ports.js';

type Content = Parameters<IntakeFollowUp['wants']>[0];

/**
 * The jobs that follow an intake or an addition, in its transaction: this module's
 * cross-matching for every report, and each other module's follow-up for the reports whose
 * new content it wants.
 */
export async function enqueueFollowUps(
  ctx: ReportContext,
  tools: ChangeTools,
  received: readonly { reportId: string; content: Content }[],
): Promise<void> {
  if (received.length === 0) return;
  const crossMatch: CrossMatchData = { reportIds: received.map((report) => report.reportId) };
  await tools.enqueue(crossMatchJob, crossMatch);
  const withMedia = received.filter((report) => (report.content.media?.length ?? 0) > 0).map((report) => report.reportId);
  if (ctx.media?.matcher && withMedia.length > 0) await tools.enqueue(detectMediaJob, { reportIds: withMedia } satisfies DetectMediaData);
  for (const followUp of ctx.followUps) {
    const reportIds = received.filter((report) => followUp.wants(report.content)).map((report) => report.reportId);
    if (reportIds.length > 0) await tools.enqueue(followUp.job, { reportIds } satisfies IntakeFollowUpData);
  }
}
