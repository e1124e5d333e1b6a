import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { ErrorSummary } from '../../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../../shared/form/errors.js';
import { TextField } from '../../../shared/form/TextField.js';
import { flatIds, useProblemErrors } from '../../../shared/form/use-problem-errors.js';
import { useStaffApi } from '../../use-staff-api.js';
import { EditActions } from '../EditActions.js';
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
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button: the keyboard continues in the form.
  useEffect(() => title.current?.focus(), []);
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const next = { name: name.trim(), email: email.trim() };
    const body = {
      ...(next.name !== current.name ? { name: next.name } : {}),
      ...(next.email !== current.email ? { email: next.email } : {}),
    };
    if (Object.keys(body).length === 0) return onCancel();
    try {
      await api<UserSummary>(`/api/users/${user.id}`, { method: 'PATCH', body });
      onSaved({ name: next.name, email: next.email.toLowerCase() });
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="user-person-edit-title">
        <h2 id="user-person-edit-title" ref={title} tabIndex={-1}>
          {t('admin.user-person-title', { organisation })}
        </h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <p className="hint">{t('admin.user-person-hint')}</p>
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
        <EditActions saveLabel="admin.user-person-save" onCancel={onCancel} />
      </form>
    </FieldErrorsContext.Provider>
  );
}
