import { useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { isProblem } from '../../../shared/api.js';
import { useCan } from '../../session-context.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { UserPersonalData, UserSummary } from '../types.js';

/**
 * One account. Its e-mail address and name are personal data: shown only when asked for, and
 * the server audits each read. Disabling and resetting the second factor ask first.
 */
export function UserRow({
  user,
  organisation,
  editing,
  onChanged,
  onEditRoles,
}: {
  user: UserSummary;
  organisation: string;
  /** Its roles are open in the form below the table. */
  editing: boolean;
  onChanged(message: string): void;
  onEditRoles(opener: HTMLButtonElement): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const canRead = useCan('user.read-personal');
  const canDisable = useCan('user.disable');
  const canReset = useCan('user.reset-second-factor');
  const canChangeRoles = useCan('user.roles');
  const [personal, setPersonal] = useState<UserPersonalData | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<void>) {
    setError(null);
    try {
      await run();
    } catch (failure) {
      setError(isProblem(failure) ? (failure.detail ?? failure.title) : t('common.network-error'));
    }
  }
  const reveal = () => act(async () => setPersonal(await api<UserPersonalData>(`/api/users/${user.id}/personal-data`)));
  const disable = () =>
    act(async () => {
      if (!window.confirm(t('admin.user-disable-confirm'))) return;
      await api(`/api/users/${user.id}/disable`, { method: 'POST' });
      onChanged(t('admin.user-disabled-done'));
    });
  const reset = () =>
    act(async () => {
      if (!window.confirm(t('admin.user-reset-confirm'))) return;
      await api(`/api/users/${user.id}/reset-second-factor`, { method: 'POST' });
      onChanged(t('admin.user-reset-done'));
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
          <button type="button" className="link-button" onClick={() => void reveal()}>
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
            <button type="button" className="secondary" aria-expanded={editing} onClick={(event) => onEditRoles(event.currentTarget)}>
              {t('admin.user-roles-edit')}
            </button>
          )}
          {canDisable && !user.disabled && (
            <button type="button" className="secondary" onClick={() => void disable()}>
              {t('admin.user-disable')}
            </button>
          )}
          {canReset && user.secondFactorEnrolled && !user.disabled && (
            <button type="button" className="secondary" onClick={() => void reset()}>
              {t('admin.user-reset-2fa')}
            </button>
          )}
        </div>
        {error && <p role="alert">{error}</p>}
      </td>
    </tr>
  );
}
