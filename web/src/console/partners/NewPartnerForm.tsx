import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import type { Organisation } from '../admin/types.js';
import { flatIds, useProblemErrors } from '../../shared/form/use-problem-errors.js';
import { useResource } from '../admin/use-resource.js';
import { useStaffApi } from '../use-staff-api.js';
import type { Partner } from './types.js';

const idOf = flatIds('partner', ['name', 'baseUrl', 'publicKey', 'organisationId']);

/** Registers a partner deployment: its name, address, public key and the hotline organisation it is here. */
export function NewPartnerForm({ onRegistered }: { onRegistered(partner: Partner): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const organisations = useResource<Organisation[]>('/api/organisations');
  const hotlines = (organisations.data ?? []).filter((organisation) => organisation.kind === 'hotline' && organisation.country !== null);
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      const body = { name: name.trim(), baseUrl: baseUrl.trim(), publicKey: publicKey.trim(), organisationId };
      onRegistered(await api<Partner>('/api/exchange/partners', { method: 'POST', body }));
      setName('');
      setBaseUrl('');
      setPublicKey('');
      setOrganisationId('');
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-partner-title">
        <h2 id="new-partner-title">{t('partners.new')}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <TextField
          id="partner-name"
          label={t('partners.name')}
          value={name}
          maxLength={200}
          onChange={(value) => {
            setName(value);
            changed('partner-name');
          }}
        />
        <TextField
          id="partner-baseUrl"
          type="url"
          label={t('partners.base-url')}
          hint={t('partners.base-url-hint')}
          value={baseUrl}
          maxLength={500}
          onChange={(value) => {
            setBaseUrl(value);
            changed('partner-baseUrl');
          }}
        />
        <TextField
          id="partner-publicKey"
          label={t('partners.public-key')}
          hint={t('partners.public-key-hint')}
          value={publicKey}
          maxLength={44}
          onChange={(value) => {
            setPublicKey(value);
            changed('partner-publicKey');
          }}
        />
        {organisations.data && hotlines.length === 0 && <p>{t('partners.no-hotline')}</p>}
        <SelectField
          id="partner-organisationId"
          label={t('partners.organisation')}
          hint={t('partners.organisation-hint')}
          value={organisationId}
          placeholder={t('common.choose')}
          options={hotlines.map((organisation) => ({
            value: organisation.id,
            label: `${organisation.name} (${organisation.country ?? ''})`,
          }))}
          onChange={(value) => {
            setOrganisationId(value);
            changed('partner-organisationId');
          }}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('partners.register')}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}
