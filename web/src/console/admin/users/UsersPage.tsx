import { useRef, useState } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { PageHeading } from '../../PageHeading.js';
import { useCan } from '../../session-context.js';
import type { Organisation, UserSummary } from '../types.js';
import { useResource } from '../use-resource.js';
import { NewUserForm } from './NewUserForm.js';
import { RolesForm } from './RolesForm.js';
import { UserRow } from './UserRow.js';

/** Staff accounts, their roles and state; names and addresses only on request. */
export function UsersPage() {
  const { t } = useI18n();
  const canCreate = useCan('user.create');
  const users = useResource<UserSummary[]>('/api/users');
  const organisations = useResource<Organisation[]>('/api/organisations');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const nameOf = (id: string) => organisations.data?.find((organisation) => organisation.id === id)?.name ?? '—';
  const changed = (text: string) => {
    setMessage(text);
    users.reload();
  };
  const closeRoles = () => {
    setEditing(null);
    // Back to the row's button the form was opened from.
    opener.current?.focus();
  };
  const edited = users.data?.find((user) => user.id === editing);
  return (
    <>
      <PageHeading>{t('admin.users')}</PageHeading>
      {(users.error ?? organisations.error) && <p role="alert">{users.error ?? organisations.error}</p>}
      <p role="status">{message}</p>
      <p className="hint">{t('admin.user-personal-audited')}</p>
      <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
        <table className="admin">
          <caption id="users-caption">{t('admin.users-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.user-person')}</th>
              <th scope="col">{t('admin.user-organisation')}</th>
              <th scope="col">{t('admin.user-roles')}</th>
              <th scope="col">{t('admin.user-2fa')}</th>
              <th scope="col">{t('admin.user-status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((user) => (
              <UserRow
                key={user.id}
                user={user}
                organisation={nameOf(user.organisationId)}
                editing={user.id === editing}
                onChanged={changed}
                onEditRoles={(button) => {
                  opener.current = button;
                  setEditing(user.id);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {edited && (
        <RolesForm
          key={edited.id}
          user={edited}
          organisation={nameOf(edited.organisationId)}
          onSaved={() => {
            changed(t('admin.user-roles-saved'));
            closeRoles();
          }}
          onCancel={closeRoles}
        />
      )}
      {canCreate && <NewUserForm organisations={organisations.data ?? []} onCreated={() => changed(t('admin.user-created'))} />}
    </>
  );
}
