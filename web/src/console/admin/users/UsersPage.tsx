import { useRef, useState } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { PageHeading } from '../../PageHeading.js';
import { useCan } from '../../session-context.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { Organisation, UserPersonalData, UserSummary } from '../types.js';
import { useResource } from '../use-resource.js';
import { NewUserForm } from './NewUserForm.js';
import { PersonForm } from './PersonForm.js';
import { RolesForm } from './RolesForm.js';
import { UserRow, type UserForm } from './UserRow.js';

/** Staff accounts, their roles and state; names and addresses only on request. */
export function UsersPage() {
  const { t } = useI18n();
  const api = useStaffApi();
  const canCreate = useCan('user.create');
  const users = useResource<UserSummary[]>('/api/users');
  const organisations = useResource<Organisation[]>('/api/organisations');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<{ id: string; form: UserForm } | null>(null);
  // Names and addresses revealed on this page (each read audited by the server), by account.
  const [revealed, setRevealed] = useState<ReadonlyMap<string, UserPersonalData>>(new Map());
  const opener = useRef<HTMLButtonElement | null>(null);
  const nameOf = (id: string) => organisations.data?.find((organisation) => organisation.id === id)?.name ?? '—';
  const changed = (text: string) => {
    setMessage(text);
    users.reload();
  };
  const remember = (id: string, person: UserPersonalData) => setRevealed((current) => new Map(current).set(id, person));
  const reveal = async (id: string) => remember(id, await api<UserPersonalData>(`/api/users/${id}/personal-data`));
  const closeForm = () => {
    setEditing(null);
    // Back to the row's button the form was opened from.
    opener.current?.focus();
  };
  const edited = users.data?.find((user) => user.id === editing?.id);
  const editedPerson = edited && revealed.get(edited.id);
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
                personal={revealed.get(user.id) ?? null}
                editing={editing?.id === user.id ? editing.form : null}
                onReveal={() => reveal(user.id)}
                onChanged={changed}
                onEdit={(form, button) => {
                  opener.current = button;
                  setEditing({ id: user.id, form });
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {edited && editing?.form === 'roles' && (
        <RolesForm
          key={edited.id}
          user={edited}
          organisation={nameOf(edited.organisationId)}
          onSaved={() => {
            changed(t('admin.user-roles-saved'));
            closeForm();
          }}
          onCancel={closeForm}
        />
      )}
      {edited && editedPerson && editing?.form === 'person' && (
        <PersonForm
          key={edited.id}
          user={edited}
          organisation={nameOf(edited.organisationId)}
          current={editedPerson}
          onSaved={(person) => {
            remember(edited.id, person);
            changed(t('admin.user-person-saved'));
            closeForm();
          }}
          onCancel={closeForm}
        />
      )}
      {canCreate && <NewUserForm organisations={organisations.data ?? []} onCreated={() => changed(t('admin.user-created'))} />}
    </>
  );
}
