import type { MessageKey } from '../i18n/index.js';
import { adminActions } from './admin/admin-pages.js';

/**
 * The console's pages and the action each one needs. The server decides who may take an
 * action (GET /api/session lists the allowed ones); the console only hides what would be
 * refused. Issue 7 adds its pages here.
 */
export interface Page {
  path: string;
  action: string;
  label: MessageKey;
  description: MessageKey;
  /** Shown when any of these is allowed too: an index of several pages (administration). */
  anyOf?: readonly string[];
}

export const pages: readonly Page[] = [
  { path: '/helpline/new', action: 'report.record-call', label: 'nav.helpline', description: 'nav.helpline-description' },
  { path: '/queue', action: 'assessment.queue', label: 'nav.queue', description: 'nav.queue-description' },
  { path: '/reports', action: 'report.list', label: 'nav.reports', description: 'nav.reports-description' },
  { path: '/referrals', action: 'referral.list', label: 'nav.referrals', description: 'nav.referrals-description' },
  { path: '/takedowns', action: 'takedown.list', label: 'nav.takedowns', description: 'nav.takedowns-description' },
  { path: '/partners', action: 'exchange.read', label: 'nav.partners', description: 'nav.partners-description' },
  { path: '/admin', action: 'organisation.list', anyOf: adminActions, label: 'nav.admin', description: 'nav.admin-description' },
];

export function pagesFor(allowedActions: readonly string[]): Page[] {
  return pages.filter((page) => [page.action, ...(page.anyOf ?? [])].some((action) => allowedActions.includes(action)));
}
