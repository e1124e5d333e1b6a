import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Allowed } from '../Allowed.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { AddresseesPage } from './AddresseesPage.js';
import { AdminIndexPage } from './AdminIndexPage.js';
import { ApiKeysPage } from './ApiKeysPage.js';
import { BankPage } from './banks/BankPage.js';
import { BanksPage } from './banks/BanksPage.js';
import { OrganisationsPage } from './OrganisationsPage.js';
import { RoutingPage } from './routing/RoutingPage.js';
import { ServiceLevelsPage } from './ServiceLevelsPage.js';
import { SettingsPage } from './SettingsPage.js';
import { UsersPage } from './users/UsersPage.js';
import './admin.css';

const guarded = (action: string, page: ReactNode) => <Allowed action={action}>{page}</Allowed>;

/** The administration pages under /console/admin/; the server checks every call again. */
export function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<AdminIndexPage />} />
      <Route path="organisations" element={guarded('organisation.list', <OrganisationsPage />)} />
      <Route path="users" element={guarded('user.list', <UsersPage />)} />
      <Route path="api-keys" element={guarded('apikey.list', <ApiKeysPage />)} />
      <Route path="routing" element={guarded('routing.read', <RoutingPage />)} />
      <Route path="addressees" element={guarded('routing.read', <AddresseesPage />)} />
      <Route path="service-levels" element={guarded('routing.read', <ServiceLevelsPage />)} />
      <Route path="banks" element={guarded('bank.read', <BanksPage />)} />
      <Route path="banks/:id" element={guarded('bank.read', <BankPage />)} />
      <Route path="settings" element={guarded('settings.read', <SettingsPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
