import { useRef, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import type { Organisation } from './types.js';
import { flatIds, useProblemErrors } from '../../shared/form/use-problem-errors.js';
import { useResource } from './use-resource.js';
import { organisationKinds } from './vocabulary.js';
import { EditForm } from './EditForm.js';

const idOf = flatIds('organisation', ['name', 'kind', 'country']);
const editIdOf = flatIds('organisation-edit', ['name', 'kind', 'country']);

interface OrganisationValues {
  name: string;
  kind: string;
  country: string;
}
const noValues: OrganisationValues = { name: '', kind: '', country: '' };

/** An organisation's name, kind and country, as the new and the edit forms both ask them. */
function OrganisationFields({
  prefix,
  values,
  onChange,
  autoFocus = false,
}: {
  prefix: 'organisation' | 'organisation-edit';
  values: OrganisationValues;
  onChange(field: keyof OrganisationValues, value: string): void;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  // A new organisation starts with no kind chosen; an existing one always has one.
  const isNew = prefix === 'organisation';
  return (
    <>
      <TextField
        id={`${prefix}-name`}
        label={t('admin.organisation-name')}
        value={values.name}
        maxLength={200}
        autoFocus={autoFocus}
        onChange={(value) => onChange('name', value)}
      />
      <SelectField
        id={`${prefix}-kind`}
        label={t('admin.organisation-kind')}
        value={values.kind}
        {...(isNew ? { placeholder: t('common.choose') } : {})}
        options={organisationKinds.map((value) => ({ value, label: t(`admin.organisation-kind.${value}` as MessageKey) }))}
        onChange={(value) => onChange('kind', value)}
      />
      <TextField
        id={`${prefix}-country`}
        label={t('admin.organisation-country')}
        hint={t('admin.organisation-country-hint')}
        value={values.country}
        maxLength={2}
        onChange={(value) => onChange('country', value)}
      />
    </>
  );
}

/** Corrects an organisation's name, kind or country; an empty country makes it an international body. */
function EditOrganisationForm({
  organisation,
  onSaved,
  onCancel,
}: {
  organisation: Organisation;
  onSaved(saved: Organisation): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [values, setValues] = useState<OrganisationValues>({
    name: organisation.name,
    kind: organisation.kind,
    country: organisation.country ?? '',
  });
  const { name, kind, country } = values;
  const { errors, general, fail, clear, changed } = useProblemErrors(editIdOf);

  async function submit() {
    clear();
    try {
      const body = { name: name.trim(), kind, country: country.trim() ? country.trim().toUpperCase() : null };
      onSaved(await api<Organisation>(`/api/organisations/${organisation.id}`, { method: 'PATCH', body }));
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <EditForm
      id="edit-organisation"
      title={t('admin.organisation-edit-title', { name: organisation.name })}
      errors={errors}
      general={general}
      saveLabel="admin.organisation-save"
      focusTitle={false}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <OrganisationFields
        prefix="organisation-edit"
        values={values}
        onChange={(field, value) => {
          setValues((current) => ({ ...current, [field]: value }));
          changed(`organisation-edit-${field}`);
        }}
        autoFocus
      />
    </EditForm>
  );
}

function NewOrganisationForm({ onCreated }: { onCreated(created: Organisation): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [values, setValues] = useState<OrganisationValues>(noValues);
  const { name, kind, country } = values;
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      const body = { name: name.trim(), kind, ...(country.trim() ? { country: country.trim().toUpperCase() } : {}) };
      onCreated(await api<Organisation>('/api/organisations', { method: 'POST', body }));
      setValues(noValues);
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-organisation-title">
        <h2 id="new-organisation-title">{t('admin.organisation-new')}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <OrganisationFields
          prefix="organisation"
          values={values}
          onChange={(field, value) => {
            setValues((current) => ({ ...current, [field]: value }));
            changed(`organisation-${field}`);
          }}
        />
        <div className="actions">
          <button type="submit" className="primary">
            {t('admin.organisation-create')}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The organisations of the deployment: the hotline, police units, child protection, partners. */
export function OrganisationsPage() {
  const { t } = useI18n();
  const canCreate = useCan('organisation.create');
  const canUpdate = useCan('organisation.update');
  const { data, error, reload } = useResource<Organisation[]>('/api/organisations');
  const [done, setDone] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const edited = data?.find((organisation) => organisation.id === editing);
  const closeEdit = () => {
    setEditing(null);
    // Back to the row's button the form was opened from.
    opener.current?.focus();
  };
  return (
    <>
      <PageHeading>{t('admin.organisations')}</PageHeading>
      {error && <p role="alert">{error}</p>}
      <p role="status">{done}</p>
      <div className="table-scroll" role="region" aria-labelledby="organisations-caption" tabIndex={0}>
        <table className="admin">
          <caption id="organisations-caption">{t('admin.organisations-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.organisation-name')}</th>
              <th scope="col">{t('admin.organisation-kind')}</th>
              <th scope="col">{t('admin.organisation-country')}</th>
              {canUpdate && <th scope="col">{t('admin.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((organisation) => (
              <tr key={organisation.id}>
                <td>{organisation.name}</td>
                <td>{t(`admin.organisation-kind.${organisation.kind}` as MessageKey)}</td>
                <td>{organisation.country ?? '—'}</td>
                {canUpdate && (
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      aria-expanded={organisation.id === editing}
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        setEditing(organisation.id);
                      }}
                    >
                      {t('admin.organisation-edit', { name: organisation.name })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {edited && (
        <EditOrganisationForm
          key={edited.id}
          organisation={edited}
          onSaved={(organisation) => {
            setDone(t('admin.organisation-saved', { name: organisation.name }));
            reload();
            closeEdit();
          }}
          onCancel={closeEdit}
        />
      )}
      {canCreate && (
        <NewOrganisationForm
          onCreated={(organisation) => {
            setDone(t('admin.organisation-created', { name: organisation.name }));
            reload();
          }}
        />
      )}
    </>
  );
}
