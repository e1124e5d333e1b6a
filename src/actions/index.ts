export {
  checkRemoval,
  removalOutcomes,
  type RemovalCheck,
  type RemovalCheckOptions,
  type RemovalOutcome,
  type RemovalReason,
} from './removal-check.js';
export { judgeAddress, parseAllowList, refusedIpv4, refusedIpv6, type AddressVerdict, type SpecialRange } from './address-policy.js';
export { parseAddressRange, type AddressRange } from './addresses.js';
export type { BodyEnd } from './pinned-request.js';
export { removalCheckOptionsFrom, removalCheckUserAgent, noticeSenderFrom } from './settings.js';
export {
  noticeLanguages,
  noticeTemplates,
  renderNotice,
  type NoticeContent,
  type NoticeLanguage,
  type NoticeSender,
} from './notice-templates.js';
export { createTakedownService, defineTakedownJobs, takedownCycleIntervalMs, type TakedownService } from './service.js';
export { takedownRoutes, type TakedownRouteOptions } from './routes.js';
export { actionMigrations } from './migrations.js';
export { actionSealedColumns, takedownCycleJob, noticeMailPurpose, removedChecksToConfirm, noticeStates, urlStates } from './model.js';
export { noticeMailSettled } from './mail-settled.js';
export { takedownSettingsFrom, parseDuration, type TakedownSettings } from './takedown-settings.js';
export type { TakedownDeps } from './context.js';
export { TakedownTracker, HostStatsList } from './contracts.js';
export { createTakedowns, noticeMailListeners, type Takedowns } from './wiring.js';
