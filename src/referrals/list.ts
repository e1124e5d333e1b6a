import type { Kysely } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { ReferralContext } from './context.js';
import type { NoticeAddressee, ReferralDetail, ReferralEvent, ReferralFilter, ReferralOfReport, ReferralView } from './contracts.js';
import { grants, referralSealedContext, statusesShortOf, deadlineMilestones, type ReferralKind, type ReferralStatus } from './model.js';
import type { Actor } from './ports.js';
import type { ReferralTables } from './tables.js';
import { referralViewOf } from './views.js';

/**
 * Who looks at referrals. Hotline staff (`referral.list-any`) see every referral; the staff of
 * a receiving organisation only those addressed to it: the object-level rule on top of the
 * policy. A referral outside one's reach is answered as if it did not exist.
 */
export interface ReferralViewer {
  actor: Actor;
  organisationId: string;
  any: boolean;
}

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at);
  if (Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new Problem('validation', { fields: [{ in: 'query', parameter: 'cursor', code: 'invalid' }] });
  }
  return { at: when, id };
}

export async function listReferrals(ctx: ReferralContext, viewer: ReferralViewer, filter: ReferralFilter) {
  const limit = filter.limit ?? 50;
  let query = ctx.db.selectFrom('referrals').selectAll();
  if (!viewer.any) query = query.where('organisation_id', '=', viewer.organisationId);
  if (filter.direction === 'incoming') query = query.where('organisation_id', '=', viewer.organisationId);
  if (filter.direction === 'outgoing') {
    query = query.where((eb) => eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '!=', viewer.organisationId)]));
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.reportId) query = query.where('report_id', '=', filter.reportId);
  if (filter.cursor) {
    const { at, id } = decodeCursor(filter.cursor);
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(at, id)));
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const organisations = await ctx.organisationsById();
  const now = ctx.now();
  const last = page[page.length - 1];
  return {
    referrals: page.map((row) => referralViewOf(row, organisations, now)),
    next: rows.length > limit && last ? encodeCursor(new Date(last.created_at), last.id) : null,
  };
}

/** The referral as this viewer may see it, or a 404. */
export async function reachableReferral(db: Kysely<ReferralTables>, viewer: ReferralViewer, id: string) {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (!viewer.any && row.organisation_id !== viewer.organisationId)) throw new Problem('not-found');
  return row;
}

/** One referral with its history; the notes, which may name people, are opened and the read audited. */
export async function readReferral(ctx: ReferralContext, viewer: ReferralViewer, id: string): Promise<ReferralDetail> {
  // Read before the transaction: on the embedded database, another query waits for it to end.
  const organisations = await ctx.organisationsById();
  return ctx.change(async (trx, tools) => {
    const row = await reachableReferral(trx, viewer, id);
    const events = await trx.selectFrom('referral_events').selectAll().where('referral_id', '=', id).orderBy('at').orderBy('id').execute();
    const withNotes = events.filter((event) => event.note_sealed !== null);
    if (withNotes.length > 0) {
      await tools.audit(viewer.actor, {
        action: 'referral.read-notes',
        subjectType: 'referral',
        subjectId: id,
        detail: { notes: withNotes.length },
      });
    }
    const history: ReferralEvent[] = events.map((event) => ({
      at: new Date(event.at).toISOString(),
      event: event.event as ReferralEvent['event'],
      status: event.status as ReferralStatus,
      actor: { type: event.actor_type, id: event.actor_id },
      reason: event.reason as ReferralEvent['reason'],
      outcome: event.outcome as ReferralEvent['outcome'],
      ...(event.note_sealed ? { note: ctx.sealer.open(event.note_sealed, referralSealedContext(event.id)) } : {}),
    }));
    const view = referralViewOf(row, organisations, ctx.now());
    return { ...view, history, grant: [...grants[row.kind as ReferralKind]] };
  });
}

/** For a supervisor: referrals escalated for lateness that have still not reached their status, oldest deadline first. */
export async function listEscalations(ctx: ReferralContext): Promise<{ referrals: ReferralView[] }> {
  const rows = await ctx.db
    .selectFrom('referrals')
    .selectAll()
    .where('escalated_at', 'is not', null)
    .where((eb) =>
      eb.or(
        deadlineMilestones.map((milestone) =>
          eb.and([eb('deadline_status', '=', milestone), eb('status', 'in', statusesShortOf(milestone))]),
        ),
      ),
    )
    .orderBy('deadline')
    .orderBy('id')
    .limit(500)
    .execute();
  const organisations = await ctx.organisationsById();
  const now = ctx.now();
  return { referrals: rows.map((row) => referralViewOf(row, organisations, now)) };
}

/** Who already handles these reports: for the cluster view, so that no investigation is duplicated. */
export async function referralsOf(ctx: ReferralContext, reportIds: readonly string[]): Promise<ReferralOfReport[]> {
  if (reportIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('referrals')
    .select(['id', 'report_id', 'organisation_id', 'addressee', 'kind', 'status', 'deadline'])
    .where('report_id', 'in', [...reportIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const organisations = await ctx.organisationsById();
  return rows.map((row) => ({
    reportId: row.report_id,
    referralId: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_id
      ? (organisations.get(row.organisation_id)?.name ?? null)
      : (row.addressee?.name ?? row.addressee?.network ?? null),
    kind: row.kind as ReferralKind,
    status: row.status as ReferralStatus,
    deadline: new Date(row.deadline).toISOString(),
  }));
}

/** The targets these reports are already referred to (for routing's dry run: what is new). */
export async function targetsOf(ctx: ReferralContext, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('referrals')
    .select(['id', 'report_id', 'target'])
    .where('report_id', 'in', [...reportIds])
    .execute();
  return rows.map((row) => ({ reportId: row.report_id, target: row.target, referralId: row.id }));
}

/** A notice to a host still open (`pending` or `sent`), for the actions module that sends it and checks removal. */
export interface OpenNotice {
  referralId: string;
  reportId: string;
  status: 'pending' | 'sent';
  urgent: boolean;
  addressee: NoticeAddressee;
  countries: string[];
  itemIds: string[];
  createdAt: string;
  deadline: string;
}

/** Open notices in id order, a page at a time (`after`: the last referral id of the previous page). */
export async function openNotices(ctx: ReferralContext, options: { limit?: number; after?: string } = {}): Promise<OpenNotice[]> {
  let query = ctx.db.selectFrom('referrals').selectAll().where('kind', '=', 'notice').where('status', 'in', ['pending', 'sent']);
  if (options.after) query = query.where('id', '>', options.after);
  const rows = await query
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute();
  return rows.flatMap((row) =>
    row.addressee
      ? [
          {
            referralId: row.id,
            reportId: row.report_id,
            status: row.status as OpenNotice['status'],
            urgent: row.urgent,
            addressee: row.addressee,
            countries: row.countries,
            itemIds: row.item_ids,
            createdAt: new Date(row.created_at).toISOString(),
            deadline: new Date(row.deadline).toISOString(),
          },
        ]
      : [],
  );
}
