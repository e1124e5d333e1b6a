import type { Transaction } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import { system, type ExchangeContext } from './context.js';
import { referralPath, referralStatusOf, type ExchangeStatus } from './model.js';

type Step = (typeof referralPath)[number];

/** The steps from a referral's status to the one an exchange status means; none when it is there or past it (or rejected). */
export function stepsTo(from: string, status: ExchangeStatus): Step[] {
  const start = referralPath.indexOf(from as Step);
  const end = referralPath.indexOf(referralStatusOf[status]);
  return start < 0 ? [] : referralPath.slice(start + 1, end + 1);
}

/** A referral's status now, read before the transaction that changes it (on the embedded database a read inside would wait for itself). */
export async function referralStatus(ctx: ExchangeContext, referralId: string, reportId: string): Promise<string | null> {
  return (await ctx.referrals.referralsOf([reportId])).find((referral) => referral.referralId === referralId)?.status ?? null;
}

/**
 * Moves the sender's referral, in the caller's transaction, through each status up to the one
 * the partner's status means (`removed` after `sent`: received, accepted, done), each step an
 * event of its history and an audit entry by the referrals module. A status already reached
 * changes nothing; a step someone else took meanwhile ends the walk.
 */
export async function advanceReferral(
  ctx: ExchangeContext,
  trx: Transaction<AnyDatabase>,
  referralId: string,
  from: string | null,
  status: ExchangeStatus,
): Promise<number> {
  if (from === null) return 0;
  let moved = 0;
  for (const step of stepsTo(from, status)) {
    try {
      await ctx.referrals.changeStatusIn(
        trx,
        system,
        referralId,
        step === 'done' ? { status: 'done', outcome: 'content_removed' } : { status: step as 'received' | 'accepted' },
      );
      moved += 1;
    } catch (error) {
      if (error instanceof Problem && error.kind === 'conflict') break;
      throw error;
    }
  }
  return moved;
}
