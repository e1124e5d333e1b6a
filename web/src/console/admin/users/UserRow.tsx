import { useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { isProblem } from '../../../shared/api.js';
import { useCan } from '../../session-context.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { UserPersonalData, UserSummary } from '../types.js';

/** The forms an account's row opens below the table. */
export type UserForm = 'roles' | 'person';

/**
 * One account. Its e-mail address and name are personal data: shown only when asked for, and
 * the server audits each read. Disabling, enabling and resetting the second factor ask first.
 */
export function UserRow({
  user,
  organisation,
  personal,
  editing,
  onReveal,
  onChanged,
  onEdit,
}: {
  user: UserSummary;
  organisation: string;
  /** Its name and address, once revealed. */
  personal: UserPersonalData | null;
  /** Which of its forms is open below the table. */
  editing: UserForm | null;
  onReveal(): Promise<void>;
  onChanged(message: string): void;
  onEdit(form: UserForm, opener: HTMLButtonElement): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const canRead = useCan('user.read-personal');
  const canDisable = useCan('user.disable');
  const canEnable = useCan('user.enable');
  const canReset = useCan('user.reset-second-factor');
  const canChangeRoles = useCan('user.roles');
  const canUpdate = useCan('user.update') && canRead;
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<void>) {
    setError(null);
    try {
      await run();
    } catch (failure) {
      setError(isProblem(failure) ? (failure.detail ?? failure.title) : t('common.network-error'));
    }
  }
  const confirmThen = (question: MessageKey, path: string, done: MessageKey) =>
    act(async () => {
      if (!window.confirm(t(question))) return;
      await api(`/api/users/${user.id}/${path}`, { method: 'POST' });
      onChanged(t(done));
    });
  const editPerson = (opener: HTMLButtonElement) =>
    act(async () => {
      // The form starts from the current values, read (and audited) once.
      if (!personal) await onReveal();
      onEdit('person', opener);
    });

  const status = user.disabled ? 'admin.user-status-disabled' : user.lockedUntil ? 'admin.user-status-locked' : 'admin.user-status-active';
  return (
    <tr>
      <td data-testid="user-personal">
        {personal ? (
          <>
            {personal.name}
            <br />
            {personal.email}
          </>
        ) : canRead ? (
          <button type="button" className="link-button" onClick={() => void act(onReveal)}>
            {t('admin.user-show-personal')}
          </button>
        ) : (
          t('admin.user-hidden')
        )}
      </td>
      <td>{organisation}</td>
      <td>{user.roles.map((role) => t(`admin.role.${role}` as MessageKey)).join(', ')}</td>
      <td>{user.secondFactorEnrolled ? t('admin.user-2fa-enrolled') : t('admin.user-2fa-pending')}</td>
      <td>{t(status)}</td>
      <td>
        <div className="actions">
          {canChangeRoles && (
            <button
              type="button"
              className="secondary"
              aria-expanded={editing === 'roles'}
              onClick={(event) => onEdit('roles', event.currentTarget)}
            >
              {t('admin.user-roles-edit')}
            </button>
          )}
          {canUpdate && (
            <button
              type="button"
              className="secondary"
              aria-expanded={editing === 'person'}
              onClick={(event) => void editPerson(event.currentTarget)}
            >
              {t('admin.user-person-edit')}
            </button>
          )}
          {canDisable && !user.disabled && (
            <button
              type="button"
              className="secondary"
              onClick={() => void confirmThen('admin.user-disable-confirm', 'disable', 'admin.user-disabled-done')}
            >
              {t('admin.user-disable')}
            </button>
          )}
          {canEnable && user.disabled && (
            <button
              type="button"
              className="secondary"
              onClick={() => void confirmThen('admin.user-enable-confirm', 'enable', 'admin.user-enabled-done')}
            >
              {t('admin.user-enable')}
            </button>
          )}
          {canReset && user.secondFactorEnrolled && !user.disabled && (
            <button
              type="button"
              className="secondary"
              onClick={() => void confirmThen('admin.user-reset-confirm', 'reset-second-factor', 'admin.user-reset-done')}
            >
              {t('admin.user-reset-2fa')}
            </button>
          )}
        </div>
        {error && <p role="alert">{error}</p>}
      </td>
    </tr>
  );
}
