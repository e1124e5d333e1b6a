import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { ErrorSummary } from '../../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../../shared/form/errors.js';
import { SelectField } from '../../../shared/form/SelectField.js';
import { TextField } from '../../../shared/form/TextField.js';
import { PageHeading } from '../../PageHeading.js';
import { useCan } from '../../session-context.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { Bank } from '../types.js';
import { flatIds, useProblemErrors } from '../../../shared/form/use-problem-errors.js';
import { useResource } from '../use-resource.js';
import { bankPurposes } from '../vocabulary.js';

const idOf = flatIds('bank', ['name', 'purpose', 'source', 'description']);

function NewBankForm({ onCreated }: { onCreated(bank: Bank): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [source, setSource] = useState('');
  const [description, setDescription] = useState('');
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      const body = {
        name: name.trim(),
        purpose,
        source: source.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      };
      onCreated(await api<Bank>('/api/banks', { method: 'POST', body }));
    } catch (failure) {
      fail(failure);
    }
  }

  const text = (id: 'name' | 'source', value: string, set: (next: string) => void) => (
    <TextField
      id={`bank-${id}`}
      label={t(`admin.bank-${id}`)}
      hint={id === 'source' ? t('admin.bank-source-hint') : undefined}
      value={value}
      onChange={(next) => {
        set(next);
        changed(`bank-${id}`);
      }}
    />
  );
  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="new-bank-title">
        <h2 id="new-bank-title">{t('admin.bank-new')}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        {text('name', name, setName)}
        <SelectField
          id="bank-purpose"
          label={t('admin.bank-purpose')}
          hint={t('admin.bank-purpose-hint')}
          value={purpose}
          placeholder={t('common.choose')}
          options={bankPurposes.map((value) => ({ value, label: t(`admin.bank-purpose.${value}` as MessageKey) }))}
          onChange={(value) => {
            setPurpose(value);
            changed('bank-purpose');
          }}
        />
        {text('source', source, setSource)}
        <TextField id="bank-description" multiline label={t('admin.bank-description')} value={description} onChange={setDescription} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('admin.bank-create')}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The hash banks: known content, known false positives, partners' lists. */
export function BanksPage() {
  const { t } = useI18n();
  const canManage = useCan('bank.manage');
  const banks = useResource<{ banks: Bank[] }>('/api/banks');
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading>{t('admin.banks')}</PageHeading>
      {banks.error && <p role="alert">{banks.error}</p>}
      <p role="status">{message}</p>
      <div className="table-scroll" role="region" aria-labelledby="banks-caption" tabIndex={0}>
        <table className="admin">
          <caption id="banks-caption">{t('admin.banks-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.bank-name')}</th>
              <th scope="col">{t('admin.bank-purpose')}</th>
              <th scope="col">{t('admin.bank-source')}</th>
              <th scope="col">{t('admin.bank-state')}</th>
            </tr>
          </thead>
          <tbody>
            {(banks.data?.banks ?? []).map((bank) => (
              <tr key={bank.id}>
                <td>
                  <Link to={`/admin/banks/${bank.id}`}>{bank.name}</Link>
                </td>
                <td>{t(`admin.bank-purpose.${bank.purpose}` as MessageKey)}</td>
                <td>{bank.source}</td>
                <td>{bank.enabled ? t('admin.bank-enabled') : t('admin.bank-disabled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && (
        <NewBankForm
          onCreated={(bank) => {
            setMessage(t('admin.bank-created', { name: bank.name }));
            banks.reload();
          }}
        />
      )}
    </>
  );
}
