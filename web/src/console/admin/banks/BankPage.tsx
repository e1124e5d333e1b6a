import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { isProblem } from '../../../shared/api.js';
import { ErrorSummary } from '../../../shared/form/ErrorSummary.js';
import { FieldErrorsContext, useFieldError } from '../../../shared/form/errors.js';
import { FieldMessages } from '../../../shared/form/FieldMessages.js';
import { SelectField } from '../../../shared/form/SelectField.js';
import { PageHeading } from '../../PageHeading.js';
import { useCan } from '../../session-context.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { BankDetail, BankImport } from '../types.js';
import { useProblemErrors } from '../../../shared/form/use-problem-errors.js';
import { useResource } from '../use-resource.js';
import { bankFormats } from '../vocabulary.js';
import { ImportProgress } from './ImportProgress.js';

const formatOptions = (t: (key: MessageKey) => string) =>
  bankFormats.map((value) => ({ value, label: t(`admin.format.${value}` as MessageKey) }));

function FileField({ onChange }: { onChange(file: File | null): void }) {
  const { t } = useI18n();
  const error = useFieldError('import-file');
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor="import-file">{t('admin.import-file')}</label>
      <FieldMessages id="import-file" hint={t('admin.import-file-hint')} error={error} />
      <input
        id="import-file"
        type="file"
        aria-describedby={`import-file-hint${error ? ' import-file-error' : ''}`}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </div>
  );
}

/** A file sent to the server, then checked whole and applied by a job whose progress is shown until it ends. */
function ImportForm({ bankId, onFinished }: { bankId: string; onFinished(): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [format, setFormat] = useState('csv');
  const [file, setFile] = useState<File | null>(null);
  const [started, setStarted] = useState<BankImport | null>(null);
  const { errors, general, fail, clear } = useProblemErrors(() => undefined);
  const [fileErrors, setFileErrors] = useState<ReadonlyMap<string, string>>(new Map());

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setFileErrors(new Map());
    if (!file) return setFileErrors(new Map([['import-file', t('admin.import-file-missing')]]));
    const form = new FormData();
    form.append('file', file);
    try {
      setStarted(await api<BankImport>(`/api/banks/${bankId}/imports?format=${encodeURIComponent(format)}`, { method: 'POST', form }));
    } catch (failure) {
      fail(failure);
    }
  }

  const shown = new Map([...errors, ...fileErrors]);
  return (
    <FieldErrorsContext.Provider value={shown}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="import-title">
        <h2 id="import-title">{t('admin.import-title')}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={shown} general={general} />
        <SelectField id="import-format" label={t('admin.import-format')} value={format} options={formatOptions(t)} onChange={setFormat} />
        <FileField onChange={setFile} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('admin.import-start')}
          </button>
        </div>
        {started && <ImportProgress key={started.id} bankId={bankId} started={started} onFinished={onFinished} />}
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The whole bank in one of the formats, as a file the browser downloads; the server audits each export. */
function ExportLink({ bankId }: { bankId: string }) {
  const { t } = useI18n();
  const [format, setFormat] = useState('csv');
  return (
    <section className="admin-form" aria-labelledby="export-title">
      <h2 id="export-title">{t('admin.export-title')}</h2>
      <p className="hint">{t('admin.export-audited')}</p>
      <SelectField id="export-format" label={t('admin.export-format')} value={format} options={formatOptions(t)} onChange={setFormat} />
      <a className="button secondary" href={`/api/banks/${bankId}/export?format=${encodeURIComponent(format)}`} download>
        {t('admin.export-download')}
      </a>
    </section>
  );
}

function ImportHistory({ bankId, round }: { bankId: string; round: number }) {
  const { t, language } = useI18n();
  const imports = useResource<{ imports: BankImport[] }>(`/api/banks/${bankId}/imports`, round);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="table-scroll" role="region" aria-labelledby="imports-caption" tabIndex={0}>
      <table className="admin">
        <caption id="imports-caption">{t('admin.imports-caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.import-when')}</th>
            <th scope="col">{t('admin.import-format')}</th>
            <th scope="col">{t('admin.import-state')}</th>
            <th scope="col">{t('admin.import-result')}</th>
          </tr>
        </thead>
        <tbody>
          {(imports.data?.imports ?? []).map((entry) => (
            <tr key={entry.id}>
              <td>{when.format(new Date(entry.createdAt))}</td>
              <td>{t(`admin.format.${entry.format}` as MessageKey)}</td>
              <td>{t(`admin.import-status.${entry.status}` as MessageKey)}</td>
              <td>
                {entry.status === 'failed'
                  ? t('admin.import-failed', { count: entry.errorCount })
                  : t('admin.import-counts', { ...entry.counts })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whether the bank is matched: a disabled bank's entries are kept but match nothing. */
function MatchingSwitch({ bank, onChanged }: { bank: BankDetail; onChanged(): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (!window.confirm(bank.enabled ? t('admin.bank-disable-confirm') : t('admin.bank-enable-confirm'))) return;
    setError(null);
    try {
      await api(`/api/banks/${bank.id}`, { method: 'PATCH', body: { enabled: !bank.enabled } });
      onChanged();
    } catch (failure) {
      setError(isProblem(failure) ? (failure.detail ?? failure.title) : t('common.network-error'));
    }
  }
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={() => void toggle()}>
        {bank.enabled ? t('admin.bank-disable') : t('admin.bank-enable')}
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

/** One bank: its counts, whether it is matched, an import with its progress, the imports so far, and the export. */
export function BankPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const canManage = useCan('bank.manage');
  const canExport = useCan('bank.export');
  const bank = useResource<BankDetail>(`/api/banks/${id}`);
  const [round, setRound] = useState(0);
  const data = bank.data;
  return (
    <>
      <PageHeading>{data ? t('admin.bank-title', { name: data.name }) : t('admin.banks')}</PageHeading>
      {bank.error && <p role="alert">{bank.error}</p>}
      {data && (
        <dl className="details">
          <div>
            <dt>{t('admin.bank-purpose')}</dt>
            <dd>{t(`admin.bank-purpose.${data.purpose}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('admin.bank-source')}</dt>
            <dd>{data.source}</dd>
          </div>
          <div>
            <dt>{t('admin.bank-state')}</dt>
            <dd data-testid="bank-state">{data.enabled ? t('admin.bank-enabled') : t('admin.bank-disabled')}</dd>
          </div>
          <div>
            <dt>{t('admin.bank-counts')}</dt>
            <dd data-testid="bank-counts">{t('admin.bank-counts-value', { ...data.counts })}</dd>
          </div>
        </dl>
      )}
      {data && canManage && <MatchingSwitch bank={data} onChanged={bank.reload} />}
      {canManage && (
        <ImportForm
          bankId={id}
          onFinished={() => {
            bank.reload();
            setRound((value) => value + 1);
          }}
        />
      )}
      <ImportHistory bankId={id} round={round} />
      {canExport && <ExportLink bankId={id} />}
    </>
  );
}
