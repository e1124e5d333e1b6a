import { Type, type Static } from 'typebox';
import { fieldProblem, type FieldProblem } from '../platform/http/index.js';
import { ReportContent } from './report-v1.js';
import { DateTime, Text } from './vocabulary.js';

/**
 * A helpline call, recorded by an intake operator while on the phone: who called, when,
 * what advice was given and which services were alerted at once. The report the call
 * brings travels beside it, in the report format.
 */
export const callerTypes = ['child', 'parent_or_relative', 'professional', 'other'] as const;
export type CallerType = (typeof callerTypes)[number];

export const referralKinds = ['police', 'emergency_services', 'child_protection', 'medical', 'other'] as const;
export type ReferralKind = (typeof referralKinds)[number];

export const callLimits = {
  advice: 5_000,
  referralNote: 2_000,
  /** The longest call we believe: anything longer is a mistyped time. */
  longestCallMs: 12 * 60 * 60 * 1000,
  /** The console's clock and the server's may differ a little. */
  clockSkewMs: 5 * 60 * 1000,
} as const;

const closed = { additionalProperties: false } as const;

export const HelplineCall = Type.Object(
  {
    callerType: Type.Enum([...callerTypes], { description: 'Who called, without identifying them' }),
    startedAt: DateTime,
    endedAt: DateTime,
    adviceGiven: Type.Optional(Text(callLimits.advice, 'The advice the operator gave (personal: sealed)')),
    immediateReferrals: Type.Optional(
      Type.Array(Type.Enum([...referralKinds]), {
        maxItems: referralKinds.length,
        uniqueItems: true,
        description: 'The services alerted during or right after the call',
      }),
    ),
    referralNote: Type.Optional(Text(callLimits.referralNote, 'Who was alerted and how (personal: sealed)')),
  },
  closed,
);
export type HelplineCall = Static<typeof HelplineCall>;

export const HelplineSubmission = Type.Object({ call: HelplineCall, report: ReportContent }, closed);
export type HelplineSubmission = Static<typeof HelplineSubmission>;

export const HelplineReceipt = Type.Object({ reportId: Type.String({ format: 'uuid' }), receivedAt: DateTime });
export type HelplineReceipt = Static<typeof HelplineReceipt>;

/** What the schema cannot say: a call ends after it starts, not in the future, within a sane time. */
export function checkCall(call: HelplineCall, now: Date): FieldProblem[] {
  const started = Date.parse(call.startedAt);
  const ended = Date.parse(call.endedAt);
  const latest = now.getTime() + callLimits.clockSkewMs;
  const out: FieldProblem[] = [];
  if (Number.isNaN(started)) out.push(fieldProblem('/call/startedAt', 'format'));
  else if (started > latest) out.push(fieldProblem('/call/startedAt', 'range'));
  if (Number.isNaN(ended)) out.push(fieldProblem('/call/endedAt', 'format'));
  else if (ended > latest) out.push(fieldProblem('/call/endedAt', 'range'));
  else if (!Number.isNaN(started) && (ended < started || ended - started > callLimits.longestCallMs)) {
    out.push(fieldProblem('/call/endedAt', 'range'));
  }
  return out;
}
