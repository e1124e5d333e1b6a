import { useState } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { TextField } from '../../../shared/form/TextField.js';
import { flatIds, useProblemErrors } from '../../../shared/form/use-problem-errors.js';
import { useStaffApi } from '../../use-staff-api.js';
import { EditForm } from '../EditForm.js';
import type { UserPersonalData, UserSummary } from '../types.js';

const idOf = flatIds('user-person-edit', ['name', 'email']);

/**
 * Corrects the name or e-mail address of one account, from the values the administrator has
 * had revealed (an audited read). Only what changed is sent; the server refuses an address
 * another account uses, and says so beside the address.
 */
export function PersonForm({
  user,
  organisation,
  current,
  onSaved,
  onCancel,
}: {
  user: UserSummary;
  organisation: string;
  current: UserPersonalData;
  onSaved(person: UserPersonalData): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [name, setName] = useState(current.name);
  const [email, setEmail] = useState(current.email);
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit() {
    clear();
    const next = { name: name.trim(), email: email.trim() };
    const body = {
      ...(next.name !== current.name ? { name: next.name } : {}),
      ...(next.email !== current.email ? { email: next.email } : {}),
    };
    if (Object.keys(body).length === 0) return onCancel();
    try {
      await api<UserSummary>(`/api/users/${user.id}`, { method: 'PATCH', body });
      // The address as the server keeps it (identity's normaliseEmail), without reading it again.
      onSaved({ name: next.name, email: next.email.normalize('NFKC').toLowerCase() });
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <EditForm
      id="user-person-edit"
      title={t('admin.user-person-title', { organisation })}
      hint={t('admin.user-person-hint')}
      errors={errors}
      general={general}
      saveLabel="admin.user-person-save"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextField
        id="user-person-edit-name"
        label={t('admin.user-name')}
        autoComplete="off"
        value={name}
        onChange={(value) => {
          setName(value);
          changed('user-person-edit-name');
        }}
      />
      <TextField
        id="user-person-edit-email"
        type="email"
        autoComplete="off"
        label={t('admin.user-email')}
        value={email}
        onChange={(value) => {
          setEmail(value);
          changed('user-person-edit-email');
        }}
      />
    </EditForm>
  );
}
