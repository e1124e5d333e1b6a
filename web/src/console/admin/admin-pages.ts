import type { MessageKey } from '../../i18n/index.js';

/**
 * The administration pages, each listed for those who hold its action. Banks are listed for
 * those who keep them (`bank.manage`): analysts read a bank from a match, not from here.
 */
export interface AdminPage {
  path: string;
  action: string;
  label: MessageKey;
  description: MessageKey;
}

export const adminPages: readonly AdminPage[] = [
  { path: 'organisations', action: 'organisation.list', label: 'admin.organisations', description: 'admin.organisations-description' },
  { path: 'users', action: 'user.list', label: 'admin.users', description: 'admin.users-description' },
  { path: 'api-keys', action: 'apikey.list', label: 'admin.api-keys', description: 'admin.api-keys-description' },
  { path: 'routing', action: 'routing.read', label: 'admin.routing', description: 'admin.routing-description' },
  { path: 'addressees', action: 'routing.read', label: 'admin.addressees', description: 'admin.addressees-description' },
  { path: 'service-levels', action: 'routing.read', label: 'admin.service-levels', description: 'admin.service-levels-description' },
  { path: 'banks', action: 'bank.manage', label: 'admin.banks', description: 'admin.banks-description' },
  { path: 'settings', action: 'settings.read', label: 'admin.settings', description: 'admin.settings-description' },
];

/** Every action that opens at least one administration page: the navigation shows "Administration" for any of them. */
export const adminActions: readonly string[] = [...new Set(adminPages.map((page) => page.action))];
