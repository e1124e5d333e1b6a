import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import type { Addressee, Organisation } from './types.js';
import { useResource } from './use-resource.js';

function AddresseeRow({
  addressee,
  organisations,
  onSaved,
}: {
  addressee: Addressee;
  organisations: readonly Organisation[];
  onSaved(text: string): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const canEdit = useCan('routing.edit');
  const [choice, setChoice] = useState(addressee.organisation?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = `addressee-${addressee.role}`;
  const role = t(`admin.addressee-role.${addressee.role}` as MessageKey);

  async function save() {
    setError(null);
    try {
      const answer = await api<{ assigned: number }>(`/api/referrals/addressees/${addressee.role}`, {
        method: 'PUT',
        body: { organisationId: choice },
      });
      onSaved(t('admin.addressee-saved', { role, assigned: answer.assigned }));
    } catch (failure) {
      setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.detail ?? failure.title) : t('common.network-error'));
    }
  }

  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>{role}</label>
      </th>
      <td>{t(`admin.kind.${addressee.kind}` as MessageKey)}</td>
      <td>
        {canEdit ? (
          <select
            id={id}
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <option value="">{t('admin.addressee-none')}</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        ) : (
          <span id={id}>{addressee.organisation?.name ?? t('admin.addressee-none')}</span>
        )}
        {error && (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        )}
      </td>
      <td>
        {canEdit && (
          <button
            type="button"
            className="secondary"
            disabled={!choice || choice === addressee.organisation?.id}
            onClick={() => void save()}
          >
            {t('admin.addressee-save', { role })}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Which organisation each role the routing rules name stands for; referrals waiting for a role are sent when it is set. */
export function AddresseesPage() {
  const { t } = useI18n();
  const addressees = useResource<{ addressees: Addressee[] }>('/api/referrals/addressees');
  const organisations = useResource<Organisation[]>('/api/organisations');
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading>{t('admin.addressees')}</PageHeading>
      <p>{t('admin.addressees-explained')}</p>
      {(addressees.error ?? organisations.error) && <p role="alert">{addressees.error ?? organisations.error}</p>}
      <p role="status">{message}</p>
      <div className="table-scroll" role="region" aria-labelledby="addressees-caption" tabIndex={0}>
        <table className="admin">
          <caption id="addressees-caption">{t('admin.addressees-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.addressee-role')}</th>
              <th scope="col">{t('admin.addressee-kind')}</th>
              <th scope="col">{t('admin.addressee-organisation')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.data &&
              (addressees.data?.addressees ?? []).map((addressee) => (
                <AddresseeRow
                  key={`${addressee.role}-${addressee.organisation?.id ?? ''}`}
                  addressee={addressee}
                  organisations={organisations.data ?? []}
                  onSaved={(text) => {
                    setMessage(text);
                    addressees.reload();
                  }}
                />
              ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
