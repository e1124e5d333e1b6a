import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { CheckboxField } from '../../../shared/form/CheckboxField.js';
import { useFieldError } from '../../../shared/form/errors.js';
import { FieldMessages } from '../../../shared/form/FieldMessages.js';
import { staffRoles } from '../vocabulary.js';

/** The staff roles as checkboxes in one group, with the server's error for the group (`id`). */
export function RoleChoices({ id, roles, onChange }: { id: string; roles: readonly string[]; onChange(roles: string[]): void }) {
  const { t } = useI18n();
  const error = useFieldError(id);
  return (
    <fieldset id={id} className={`field group${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('admin.user-roles')}</legend>
      <FieldMessages id={id} error={error} />
      {staffRoles.map((role) => (
        <CheckboxField
          key={role}
          id={`${id}-${role}`}
          label={t(`admin.role.${role}` as MessageKey)}
          checked={roles.includes(role)}
          onChange={(checked) => onChange(checked ? [...roles, role] : roles.filter((held) => held !== role))}
        />
      ))}
    </fieldset>
  );
}
