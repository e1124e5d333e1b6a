import { sealedColumn } from '../platform/crypto/index.js';
import type { NoticeUrlsTable } from './tables.js';

/** The periodic job: new notices registered, removal checked, notices sent and re-sent, closed on removal. */
export const takedownCycleJob = 'takedown.cycle';

/** A notice's mail in the outbox (`onSettled.notice`). */
export const noticeMailPurpose = 'notice';

export const noticeStates = ['active', 'stopped', 'removed', 'closed', 'no_urls'] as const;
/**
 * `active`: sent and re-sent until removal; `stopped`: an analyst stopped the re-sending;
 * `removed`: every URL confirmed gone, the referral `done`; `closed`: the referral was closed
 * elsewhere (a senior analyst recorded the host's answer); `no_urls`: nothing to send.
 */
export type NoticeState = (typeof noticeStates)[number];

export const urlStates = ['unchecked', 'online', 'confirming', 'removed', 'unreachable'] as const;
/** Where one URL stands: never checked, served, `removed` once (waiting for the second), removed, or the check said nothing. */
export type UrlState = (typeof urlStates)[number];

/**
 * Two `removed` checks in a row confirm a removal: a DNS server answering NXDOMAIN by mistake,
 * or a host's 404 during a deployment, would otherwise stop notices for content still online.
 */
export const removedChecksToConfirm = 2;

export function urlStateOf(row: Pick<NoticeUrlsTable, 'last_outcome' | 'removed_streak'>): UrlState {
  if (row.removed_streak >= removedChecksToConfirm) return 'removed';
  if (row.removed_streak > 0) return 'confirming';
  if (row.last_outcome === null) return 'unchecked';
  return row.last_outcome === 'online' ? 'online' : 'unreachable';
}

export const noticeUrlSealContext = (id: string) => `notice_urls.url_sealed:${id}`;

/** The sealed URL of each notice, for `vigie keys rotate`. */
export const actionSealedColumns = [sealedColumn({ table: 'notice_urls', column: 'url_sealed' })] as const;

/** The mail outbox key of one attempt: one key, one message, one Message-ID, however often queued. */
export const noticeMailKey = (referralId: string, number: number) => `notice:${referralId}:${number}`;
