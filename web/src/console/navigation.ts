import type { MessageKey } from '../i18n/index.js';

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
}

export const pages: readonly Page[] = [
  { path: '/helpline/new', action: 'report.record-call', label: 'nav.helpline', description: 'nav.helpline-description' },
  { path: '/reports', action: 'report.list', label: 'nav.reports', description: 'nav.reports-description' },
  { path: '/referrals', action: 'referral.list', label: 'nav.referrals', description: 'nav.referrals-description' },
];

export function pagesFor(allowedActions: readonly string[]): Page[] {
  return pages.filter((page) => allowedActions.includes(page.action));
}
