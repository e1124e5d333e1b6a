import type { Transaction } from 'kysely';
import type { MessageKey } from '../platform/i18n/index.js';
import type { QueueStage } from '../reports/index.js';
import type { Actor } from './ports.js';
import { currentAssessmentOf, reviewOf } from './store.js';
import type { TriageTables } from './tables.js';

/** Who acts: the staff user, and whether the policy lets them settle disputes (`assessment.resolve`). */
export interface Analyst {
  actor: Actor;
  userId: string;
  mayResolve: boolean;
}

/**
 * Why this person may not work on the report at this stage, or null when they may:
 * - a report awaiting confirmation is confirmed by a second analyst, never by its assessor;
 * - a disputed report is settled by a senior analyst who took no part in it (neither the
 *   assessor nor the analyst who disagreed): a third pair of eyes.
 */
export async function ineligibility(
  trx: Transaction<TriageTables>,
  who: { userId: string; mayResolve: boolean },
  reportId: string,
  stage: QueueStage,
): Promise<MessageKey | null> {
  if (stage === 'awaiting') return null;
  const assessment = await currentAssessmentOf(trx, reportId);
  if (!assessment) return null;
  if (stage === 'confirming') return assessment.assessed_by === who.userId ? 'detail.own-assessment' : null;
  if (!who.mayResolve) return 'detail.dispute-needs-senior';
  const review = await reviewOf(trx, assessment.id);
  return who.userId === assessment.assessed_by || who.userId === review?.reviewed_by ? 'detail.dispute-needs-third-analyst' : null;
}
