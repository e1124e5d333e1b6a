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
