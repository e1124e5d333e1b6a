import { sql } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { TakedownContext } from './context.js';
import type { HostStatsList, TakedownFilter, TakedownTracker } from './contracts.js';
import { noticeUrlSealContext, urlStateOf, type NoticeState, type UrlState } from './model.js';
import type { Actor } from './ports.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Where each URL stands, in the tracker's order: still served first, removed last. */
const urlOrder: Record<UrlState, number> = { online: 0, unreachable: 1, unchecked: 2, confirming: 3, removed: 4 };

/**
 * The takedown tracker: the latest notices (filtered by state or host) and their URLs grouped
 * by host, each URL with where its removal stands. The URLs are opened for a reader who may
 * open reports' personal fields (`report.read-personal-any`): one audit entry per listing
 * (`takedown.read-urls`, with the count), in the same transaction; others see hosts only.
 */
export async function listTakedowns(
  ctx: TakedownContext,
  reader: { actor: Actor; seesUrls: boolean },
  filter: TakedownFilter,
): Promise<TakedownTracker> {
  const { actor } = reader;
  return ctx.change(async (trx, tools) => {
    let noticeQuery = trx.selectFrom('notices').selectAll();
    if (filter.state) noticeQuery = noticeQuery.where('state', '=', filter.state);
    if (filter.host) {
      const host = filter.host;
      noticeQuery = noticeQuery.where('referral_id', 'in', trx.selectFrom('notice_urls').select('referral_id').where('host', '=', host));
    }
    const notices = await noticeQuery
      .orderBy('registered_at', 'desc')
      .orderBy('referral_id')
      .limit(filter.limit ?? 200)
      .execute();
    const ids = notices.map((notice) => notice.referral_id);
    let urlQuery = trx
      .selectFrom('notice_urls')
      .selectAll()
      .where('referral_id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
    if (filter.host) urlQuery = urlQuery.where('host', '=', filter.host);
    const urls = await urlQuery.execute();
    const lastMail = new Map(
      (ids.length === 0
        ? []
        : await trx
            .selectFrom('notice_attempts')
            .select(['referral_id', 'number', 'mail_state'])
            .where('referral_id', 'in', ids)
            .orderBy('number')
            .execute()
      ).map((row) => [row.referral_id, row.mail_state as 'queued' | 'sent' | 'failed']),
    );
    if (urls.length > 0 && reader.seesUrls) {
      await tools.audit(actor, {
        action: 'takedown.read-urls',
        subjectType: 'takedown',
        subjectId: 'tracker',
        detail: { urls: urls.length },
      });
    }
    const interval = ctx.deps.settings.noticeIntervalMs;
    const byHost = new Map<string, TakedownTracker['hosts'][number]>();
    for (const row of urls) {
      const group = byHost.get(row.host) ?? { host: row.host, registrableDomain: row.registrable_domain, urls: [] };
      byHost.set(row.host, group);
      group.urls.push({
        id: row.id,
        referralId: row.referral_id,
        // A reader who may not open reports' personal fields sees the host only: a path can name a person.
        url: reader.seesUrls ? ctx.deps.sealer.open(row.url_sealed, noticeUrlSealContext(row.id)) : `${row.host}/…`,
        state: urlStateOf(row),
        lastCheckedAt: iso(row.last_checked_at),
        lastOutcome: row.last_outcome,
        lastStatus: row.last_status,
        removedAt: urlStateOf(row) === 'removed' ? iso(row.removed_at) : null,
        secondsToRemoval: row.seconds_to_removal,
      });
    }
    const hosts = [...byHost.values()].sort((a, b) => a.host.localeCompare(b.host));
    for (const host of hosts) host.urls.sort((a, b) => urlOrder[a.state] - urlOrder[b.state] || a.url.localeCompare(b.url));
    return {
      notices: notices.map((notice) => ({
        referralId: notice.referral_id,
        reportId: notice.report_id,
        state: notice.state as NoticeState,
        contactSource: notice.contact_source as TakedownTracker['notices'][number]['contactSource'],
        recipients: notice.recipients,
        attempts: notice.attempts,
        lastMailState: lastMail.get(notice.referral_id) ?? null,
        firstNoticedAt: iso(notice.first_noticed_at),
        lastNoticedAt: iso(notice.last_noticed_at),
        nextNoticeAt:
          notice.state === 'active' && notice.last_noticed_at
            ? new Date(new Date(notice.last_noticed_at).getTime() + interval).toISOString()
            : null,
        stoppedAt: iso(notice.stopped_at),
        removedAt: iso(notice.removed_at),
        registeredAt: new Date(notice.registered_at).toISOString(),
      })),
      hosts,
      mailNotConfigured: ctx.deps.mail.missingSetting ?? null,
      generatedAt: ctx.now().toISOString(),
    };
  });
}

/** Per host: notices, URLs, URLs removed, and the time to removal (mean, median, longest) of those removed. */
export async function hostStats(ctx: TakedownContext): Promise<HostStatsList> {
  const { rows } = await sql<{
    host: string;
    notices: string | number;
    urls: string | number;
    removed: string | number;
    mean: string | number | null;
    median: string | number | null;
    longest: string | number | null;
  }>`
    select host,
      count(distinct referral_id) as notices,
      count(*) as urls,
      count(seconds_to_removal) as removed,
      avg(seconds_to_removal) as mean,
      percentile_cont(0.5) within group (order by seconds_to_removal) as median,
      max(seconds_to_removal) as longest
    from notice_urls
    group by host
    order by host
  `.execute(ctx.db);
  const whole = (value: string | number | null) => (value === null ? null : Math.round(Number(value)));
  return {
    hosts: rows.map((row) => ({
      host: row.host,
      notices: Number(row.notices),
      urls: Number(row.urls),
      removed: Number(row.removed),
      meanSecondsToRemoval: whole(row.mean),
      medianSecondsToRemoval: whole(row.median),
      maxSecondsToRemoval: whole(row.longest),
    })),
  };
}

/**
 * An analyst stops the re-sending of a notice (its checks stop too) or resumes it; the
 * referral stays open, for a senior analyst to close with the host's answer. A move that
 * does not apply (stopping a notice that is not active) is a 409 naming the state.
 */
export async function setNoticeStopped(
  ctx: TakedownContext,
  actor: Actor,
  referralId: string,
  stop: boolean,
): Promise<{ referralId: string; state: NoticeState }> {
  return ctx.change(async (trx, tools) => {
    const notice = await trx.selectFrom('notices').selectAll().where('referral_id', '=', referralId).forUpdate().executeTakeFirst();
    if (!notice) throw new Problem('not-found');
    if (notice.state !== (stop ? 'active' : 'stopped')) {
      throw new Problem('conflict', { fields: [{ in: 'path', parameter: 'id', code: 'invalid' }] });
    }
    const state: NoticeState = stop ? 'stopped' : 'active';
    await trx
      .updateTable('notices')
      .set(stop ? { state, stopped_at: ctx.now(), stopped_by: actor.actorId } : { state, stopped_at: null, stopped_by: null })
      .where('referral_id', '=', referralId)
      .execute();
    await tools.audit(actor, {
      action: stop ? 'takedown.stop' : 'takedown.resume',
      subjectType: 'referral',
      subjectId: referralId,
      detail: { attempts: notice.attempts },
    });
    return { referralId, state };
  });
}
