import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { CheckboxField } from '../../shared/form/CheckboxField.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext, useFieldError } from '../../shared/form/errors.js';
import { FieldMessages } from '../../shared/form/FieldMessages.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import { HotelScopePanel } from './HotelScopePanel.js';
import { loadPartnerScopes } from './partner-scopes.js';
import type { ApiKeySummary, CreatedApiKey, Organisation } from './types.js';
import { flatIds, useProblemErrors } from '../../shared/form/use-problem-errors.js';
import { useResource } from './use-resource.js';

const idOf = flatIds('apikey', ['organisationId', 'name', 'scopes']);

function ScopeChoices({
  available,
  scopes,
  onChange,
}: {
  available: readonly string[];
  scopes: readonly string[];
  onChange(next: string[]): void;
}) {
  const { t } = useI18n();
  const error = useFieldError('apikey-scopes');
  return (
    <fieldset
      id="apikey-scopes"
      className={`field group${error ? ' has-error' : ''}`}
      aria-describedby={error ? 'apikey-scopes-error' : undefined}
    >
      <legend>{t('admin.apikey-scopes')}</legend>
      <FieldMessages id="apikey-scopes" error={error} />
      {available.map((scope) => (
        <CheckboxField
          key={scope}
          id={`apikey-scope-${scope.replace(/\./g, '-')}`}
          label={scope}
          checked={scopes.includes(scope)}
          onChange={(checked) => onChange(checked ? [...scopes, scope] : scopes.filter((held) => held !== scope))}
        />
      ))}
    </fieldset>
  );
}

function NewApiKeyForm({ organisations, onCreated }: { organisations: readonly Organisation[]; onCreated(created: CreatedApiKey): void }) {
  const { t, language } = useI18n();
  const api = useStaffApi();
  const [available, setAvailable] = useState<string[]>([]);
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);
  useEffect(() => {
    loadPartnerScopes(language).then(setAvailable, () => setAvailable([]));
  }, [language]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      onCreated(await api<CreatedApiKey>('/api/api-keys', { method: 'POST', body: { organisationId, name: name.trim(), scopes } }));
      setName('');
      setScopes([]);
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-apikey-title">
        <h2 id="new-apikey-title">{t('admin.apikey-new')}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <SelectField
          id="apikey-organisationId"
          label={t('admin.apikey-organisation')}
          value={organisationId}
          placeholder={t('common.choose')}
          options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          onChange={(value) => {
            setOrganisationId(value);
            changed('apikey-organisationId');
          }}
        />
        <TextField
          id="apikey-name"
          label={t('admin.apikey-name')}
          hint={t('admin.apikey-name-hint')}
          value={name}
          maxLength={200}
          onChange={(value) => {
            setName(value);
            changed('apikey-name');
          }}
        />
        <ScopeChoices
          available={available}
          scopes={scopes}
          onChange={(next) => {
            setScopes(next);
            changed('apikey-scopes');
          }}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('admin.apikey-create')}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The secret of a new key, shown this once: the server keeps only its hash. */
function SecretOnce({ created, onDone }: { created: CreatedApiKey; onDone(): void }) {
  const { t } = useI18n();
  return (
    <section className="secret-once" aria-labelledby="secret-title" role="alert">
      <h2 id="secret-title">{t('admin.apikey-secret-title', { name: created.key.name })}</h2>
      <p>{t('admin.apikey-secret-once')}</p>
      <p>
        <code data-testid="apikey-secret">{created.secret}</code>
      </p>
      <button type="button" className="secondary" onClick={onDone}>
        {t('admin.apikey-secret-copied')}
      </button>
    </section>
  );
}

/** Partners' API keys: who holds each, what it may do, its last use; a new key's secret once; revocation. */
export function ApiKeysPage() {
  const { t, language } = useI18n();
  const api = useStaffApi();
  const canCreate = useCan('apikey.create');
  const canRevoke = useCan('apikey.revoke');
  const canSeeHotels = useCan('hotel.list');
  const [scoped, setScoped] = useState<ApiKeySummary | null>(null);
  const keys = useResource<ApiKeySummary[]>('/api/api-keys');
  const organisations = useResource<Organisation[]>('/api/organisations');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const nameOf = (id: string) => organisations.data?.find((organisation) => organisation.id === id)?.name ?? '—';

  async function revoke(key: ApiKeySummary) {
    if (!window.confirm(t('admin.apikey-revoke-confirm', { name: key.name }))) return;
    try {
      await api(`/api/api-keys/${key.id}`, { method: 'DELETE' });
      setMessage(t('admin.apikey-revoked-done', { name: key.name }));
      keys.reload();
    } catch {
      setError(t('admin.apikey-revoke-failed'));
    }
  }

  return (
    <>
      <PageHeading>{t('admin.api-keys')}</PageHeading>
      {(keys.error ?? organisations.error ?? error) && <p role="alert">{keys.error ?? organisations.error ?? error}</p>}
      <p role="status">{message}</p>
      {created && <SecretOnce created={created} onDone={() => setCreated(null)} />}
      <div className="table-scroll" role="region" aria-labelledby="apikeys-caption" tabIndex={0}>
        <table className="admin">
          <caption id="apikeys-caption">{t('admin.apikeys-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.apikey-name')}</th>
              <th scope="col">{t('admin.apikey-organisation')}</th>
              <th scope="col">{t('admin.apikey-scopes')}</th>
              <th scope="col">{t('admin.apikey-created')}</th>
              <th scope="col">{t('admin.apikey-last-used')}</th>
              <th scope="col">{t('admin.apikey-state')}</th>
            </tr>
          </thead>
          <tbody>
            {(keys.data ?? []).map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>{nameOf(key.organisationId)}</td>
                <td>
                  {key.scopes.map((scope) => (
                    <code key={scope}>{scope} </code>
                  ))}
                </td>
                <td>{when.format(new Date(key.createdAt))}</td>
                <td>{key.lastUsedAt ? when.format(new Date(key.lastUsedAt)) : t('admin.never')}</td>
                <td>
                  {key.revokedAt ? (
                    t('admin.apikey-revoked-at', { when: when.format(new Date(key.revokedAt)) })
                  ) : (
                    <div className="actions">
                      {canRevoke ? (
                        <button type="button" className="secondary" onClick={() => void revoke(key)}>
                          {t('admin.apikey-revoke', { name: key.name })}
                        </button>
                      ) : (
                        t('admin.apikey-active')
                      )}
                      {canSeeHotels && key.scopes.includes('report.submit') && (
                        <button type="button" className="link-button" onClick={() => setScoped(key)}>
                          {t('admin.hotels-open', { name: key.name })}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {scoped && !scoped.revokedAt && <HotelScopePanel key={scoped.id} apiKey={scoped} />}
      {canCreate && (
        <NewApiKeyForm
          organisations={organisations.data ?? []}
          onCreated={(key) => {
            setCreated(key);
            setMessage('');
            keys.reload();
          }}
        />
      )}
    </>
  );
}
