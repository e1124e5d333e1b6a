import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { ErrorSummary } from '../../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../../shared/form/errors.js';
import { SelectField } from '../../../shared/form/SelectField.js';
import { TextField } from '../../../shared/form/TextField.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { Organisation, UserSummary } from '../types.js';
import { flatIds, useProblemErrors } from '../../../shared/form/use-problem-errors.js';
import { RoleChoices } from './RoleChoices.js';

const idOf = flatIds('user', ['organisationId', 'email', 'name', 'roles', 'password']);

/** A staff account: its organisation, roles and a first password; the second factor is enrolled at first sign-in. */
export function NewUserForm({ organisations, onCreated }: { organisations: readonly Organisation[]; onCreated(user: UserSummary): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [organisationId, setOrganisationId] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      const body = { organisationId, email: email.trim(), name: name.trim(), roles, password };
      onCreated(await api<UserSummary>('/api/users', { method: 'POST', body }));
      setEmail('');
      setName('');
      setRoles([]);
      setPassword('');
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('admin.user-new')}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <SelectField
          id="user-organisationId"
          label={t('admin.user-organisation')}
          value={organisationId}
          placeholder={t('common.choose')}
          options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          onChange={(value) => {
            setOrganisationId(value);
            changed('user-organisationId');
          }}
        />
        <TextField
          id="user-email"
          type="email"
          label={t('admin.user-email')}
          value={email}
          onChange={(value) => {
            setEmail(value);
            changed('user-email');
          }}
        />
        <TextField
          id="user-name"
          label={t('admin.user-name')}
          value={name}
          onChange={(value) => {
            setName(value);
            changed('user-name');
          }}
        />
        <RoleChoices
          id="user-roles"
          roles={roles}
          onChange={(next) => {
            setRoles(next);
            changed('user-roles');
          }}
        />
        <TextField
          id="user-password"
          type="password"
          autoComplete="new-password"
          label={t('admin.user-password')}
          hint={t('admin.user-password-hint')}
          value={password}
          onChange={(value) => {
            setPassword(value);
            changed('user-password');
          }}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('admin.user-create')}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}
