/** What GET /api/takedowns and GET /api/takedowns/hosts answer (src/actions/contracts.ts). */
export const noticeStates = ['active', 'stopped', 'removed', 'closed', 'no_urls'] as const;
export type NoticeState = (typeof noticeStates)[number];
export type UrlState = 'unchecked' | 'online' | 'confirming' | 'removed' | 'unreachable';

export interface TakedownNotice {
  referralId: string;
  reportId: string;
  state: NoticeState;
  contactSource: 'host' | 'domain' | 'rdap' | 'none';
  recipients: string[];
  attempts: number;
  lastMailState: 'queued' | 'sent' | 'failed' | null;
  firstNoticedAt: string | null;
  lastNoticedAt: string | null;
  nextNoticeAt: string | null;
  stoppedAt: string | null;
  removedAt: string | null;
  registeredAt: string;
}

export interface TakedownUrl {
  id: string;
  referralId: string;
  url: string;
  state: UrlState;
  lastCheckedAt: string | null;
  lastOutcome: string | null;
  lastStatus: number | null;
  removedAt: string | null;
  secondsToRemoval: number | null;
}

export interface TakedownTracker {
  notices: TakedownNotice[];
  hosts: { host: string; registrableDomain: string; urls: TakedownUrl[] }[];
  /** The setting missing for notices to leave, or null when mail is configured. */
  mailNotConfigured: string | null;
  generatedAt: string;
}

export interface HostStats {
  host: string;
  notices: number;
  urls: number;
  removed: number;
  meanSecondsToRemoval: number | null;
  medianSecondsToRemoval: number | null;
  maxSecondsToRemoval: number | null;
}
