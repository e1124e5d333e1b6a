import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CallerType, ReferralKind } from './helpline-call.js';
import { sealContext } from './model.js';
import type { Sealer } from './ports.js';
import type { ReportCallsTable, ReportTables } from './tables.js';
import type { CallRecord, CallSummary } from './views.js';

/** The helpline call behind a report, as staff see it: without personal data, or whole. */

type Reader = Kysely<ReportTables> | Transaction<ReportTables>;

export function callOf(db: Reader, reportId: string): Promise<Selectable<ReportCallsTable> | undefined> {
  return db.selectFrom('report_calls').selectAll().where('report_id', '=', reportId).executeTakeFirst();
}

export function callSummaryOf(row: Selectable<ReportCallsTable>): CallSummary {
  const milliseconds = new Date(row.ended_at).getTime() - new Date(row.started_at).getTime();
  return {
    callerType: row.caller_type as CallerType,
    durationSeconds: Math.round(milliseconds / 1000),
    immediateReferrals: row.referrals as ReferralKind[],
    recordedBy: row.recorded_by,
  };
}

export function callRecordOf(sealer: Sealer, row: Selectable<ReportCallsTable>): CallRecord {
  const open = (column: 'advice_sealed' | 'referral_note_sealed') => {
    const sealed = row[column];
    return sealed === null ? undefined : sealer.open(sealed, sealContext('report_calls', column, row.report_id));
  };
  const adviceGiven = open('advice_sealed');
  const referralNote = open('referral_note_sealed');
  return {
    callerType: row.caller_type as CallerType,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: new Date(row.ended_at).toISOString(),
    ...(adviceGiven !== undefined ? { adviceGiven } : {}),
    immediateReferrals: row.referrals as ReferralKind[],
    ...(referralNote !== undefined ? { referralNote } : {}),
    recordedBy: row.recorded_by,
  };
}
