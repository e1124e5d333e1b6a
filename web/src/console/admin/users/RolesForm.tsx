import { useState } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { UserSummary } from '../types.js';
import { flatIds, useProblemErrors } from '../../../shared/form/use-problem-errors.js';
import { RoleChoices } from './RoleChoices.js';
import { EditForm } from '../EditForm.js';

const rolesId = 'user-roles-edit-roles';
const idOf = flatIds('user-roles-edit', ['roles']);

/**
 * Changes the roles of one account (the whole set, sent at once). The server refuses to take
 * the administrator role from the last active administrator; its reason is shown with the
 * error beside the roles.
 */
export function RolesForm({
  user,
  organisation,
  onSaved,
  onCancel,
}: {
  user: UserSummary;
  organisation: string;
  onSaved(user: UserSummary): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit() {
    clear();
    try {
      onSaved(await api<UserSummary>(`/api/users/${user.id}/roles`, { method: 'PATCH', body: { roles } }));
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <EditForm
      id="user-roles-edit"
      title={t('admin.user-roles-title', { organisation })}
      hint={t('admin.user-roles-hint')}
      errors={errors}
      general={general}
      saveLabel="admin.user-roles-save"
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <RoleChoices
        id={rolesId}
        roles={roles}
        onChange={(next) => {
          setRoles(next);
          changed(rolesId);
        }}
      />
    </EditForm>
  );
}
