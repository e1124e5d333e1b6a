import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { ErrorSummary } from '../../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../../shared/form/errors.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { UserSummary } from '../types.js';
import { flatIds, useProblemErrors } from '../../../shared/form/use-problem-errors.js';
import { RoleChoices } from './RoleChoices.js';
import { EditActions } from '../EditActions.js';

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
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button: the keyboard continues in the form.
  useEffect(() => title.current?.focus(), []);
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      onSaved(await api<UserSummary>(`/api/users/${user.id}/roles`, { method: 'PATCH', body: { roles } }));
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="user-roles-edit-title">
        <h2 id="user-roles-edit-title" ref={title} tabIndex={-1}>
          {t('admin.user-roles-title', { organisation })}
        </h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <p className="hint">{t('admin.user-roles-hint')}</p>
        <RoleChoices
          id={rolesId}
          roles={roles}
          onChange={(next) => {
            setRoles(next);
            changed(rolesId);
          }}
        />
        <EditActions saveLabel="admin.user-roles-save" onCancel={onCancel} />
      </form>
    </FieldErrorsContext.Provider>
  );
}
