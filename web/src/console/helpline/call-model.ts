import type { ReportContent } from '../../report/content.js';
import { emptyReportDraft, type ReportDraft } from '../../report/draft.js';
import * as n from '../../report/normalise.js';
import { fieldIdOf, reportContentOf } from '../../report/to-content.js';
import type { CallerType, Referral } from '../../report/vocabulary.js';

/** The helpline form: the report's fields and the call's own (who called, when, what was said and done). */
export interface CallDraft extends ReportDraft {
  callerType: CallerType | '';
  startedAt: string;
  endedAt: string;
  adviceGiven: string;
  referrals: Referral[];
  referralNote: string;
}

/** A `datetime-local` input's value for a moment, in the browser's time zone, to the second. */
export function toLocalInput(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The call starts when the form opens; the operator can correct it. */
export function emptyCallDraft(openedAt: Date): CallDraft {
  return {
    ...emptyReportDraft(),
    callerType: '',
    startedAt: toLocalInput(openedAt),
    endedAt: '',
    adviceGiven: '',
    referrals: [],
    referralNote: '',
  };
}

export interface CallBody {
  call: {
    callerType: CallerType | '';
    startedAt: string;
    endedAt: string;
    adviceGiven?: string;
    immediateReferrals?: Referral[];
    referralNote?: string;
  };
  report: ReportContent;
}

const callFields: Record<string, string> = {
  '/call/callerType': 'callerType',
  '/call/startedAt': 'startedAt',
  '/call/endedAt': 'endedAt',
  '/call/adviceGiven': 'adviceGiven',
  '/call/immediateReferrals': 'referrals',
  '/call/referralNote': 'referralNote',
};

function instant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/**
 * The body of POST /api/helpline/calls; the call ends when the operator sends, unless they
 * set the end themselves. `idOf` finds the input a pointer of the answer names.
 */
export function callBodyOf(
  draft: CallDraft,
  language: string,
  sentAt: Date,
): { body: CallBody; idOf(pointer: string): string | undefined } {
  const { content, fields } = reportContentOf(draft, language);
  const body: CallBody = {
    call: {
      callerType: draft.callerType,
      startedAt: instant(draft.startedAt),
      endedAt: draft.endedAt ? instant(draft.endedAt) : sentAt.toISOString(),
      ...n.defined({
        adviceGiven: n.text(draft.adviceGiven),
        immediateReferrals: draft.referrals.length > 0 ? draft.referrals : undefined,
        referralNote: n.text(draft.referralNote),
      }),
    },
    report: content,
  };
  const idOf = (pointer: string) => {
    const path = pointer.replace(/^#/, '');
    if (path.startsWith('/report')) return fieldIdOf(fields, path.slice('/report'.length));
    const member = Object.keys(callFields).find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    return member ? callFields[member] : undefined;
  };
  return { body, idOf };
}
