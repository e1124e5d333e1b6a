import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { TextField } from '../../shared/form/TextField.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import type { EmergencyNumber, EmergencyNumbersView } from './types.js';
import { useProblemErrors } from '../../shared/form/use-problem-errors.js';
import { useResource } from './use-resource.js';

/** `#/emergencyNumbers/1/label/fr` → `emergency-1-label-fr`. */
function idOf(pointer: string): string | undefined {
  const match = /^#\/emergencyNumbers\/(\d+)\/(number|label\/fr|label\/en)$/.exec(pointer);
  return match ? `emergency-${match[1]}-${match[2]!.replace('/', '-')}` : undefined;
}

const maxNumbers = 10;

function EmergencyNumbersForm({ initial, onSaved }: { initial: EmergencyNumber[]; onSaved(view: EmergencyNumbersView): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const canEdit = useCan('settings.edit');
  const [numbers, setNumbers] = useState(initial);
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);
  const update = (index: number, next: EmergencyNumber, id: string) => {
    setNumbers(numbers.map((entry, position) => (position === index ? next : entry)));
    changed(id);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    try {
      const emergencyNumbers = numbers.map((entry) => ({
        number: entry.number.trim(),
        label: { fr: entry.label.fr.trim(), en: entry.label.en.trim() },
      }));
      onSaved(await api<EmergencyNumbersView>('/api/settings/emergency-numbers', { method: 'PUT', body: { emergencyNumbers } }));
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="emergency-title">
        <h2 id="emergency-title">{t('admin.emergency-title')}</h2>
        <p className="hint">{t('admin.emergency-explained')}</p>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        {numbers.map((entry, index) => (
          <fieldset className="number-row item" key={index}>
            <legend>{t('admin.emergency-n', { n: index + 1 })}</legend>
            <TextField
              id={`emergency-${index}-number`}
              type="tel"
              label={t('admin.emergency-number')}
              hint={t('admin.emergency-number-hint')}
              value={entry.number}
              onChange={(value) => update(index, { ...entry, number: value }, `emergency-${index}-number`)}
            />
            <TextField
              id={`emergency-${index}-label-fr`}
              label={t('admin.emergency-label-fr')}
              value={entry.label.fr}
              maxLength={120}
              onChange={(value) => update(index, { ...entry, label: { ...entry.label, fr: value } }, `emergency-${index}-label-fr`)}
            />
            <TextField
              id={`emergency-${index}-label-en`}
              label={t('admin.emergency-label-en')}
              value={entry.label.en}
              maxLength={120}
              onChange={(value) => update(index, { ...entry, label: { ...entry.label, en: value } }, `emergency-${index}-label-en`)}
            />
            {canEdit && numbers.length > 1 && (
              <button type="button" className="secondary" onClick={() => setNumbers(numbers.filter((_, position) => position !== index))}>
                {t('admin.emergency-remove', { n: index + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {canEdit && (
          <div className="actions">
            {numbers.length < maxNumbers && (
              <button
                type="button"
                className="secondary"
                onClick={() => setNumbers([...numbers, { number: '', label: { fr: '', en: '' } }])}
              >
                {t('admin.emergency-add')}
              </button>
            )}
            <button type="submit" className="primary">
              {t('admin.emergency-save')}
            </button>
          </div>
        )}
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The deployment's settings administrators change without a restart: the emergency numbers the portal shows. */
export function SettingsPage() {
  const { t, language } = useI18n();
  const view = useResource<EmergencyNumbersView>('/api/settings/emergency-numbers');
  const [message, setMessage] = useState('');
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const data = view.data;
  return (
    <>
      <PageHeading>{t('admin.settings')}</PageHeading>
      {view.error && <p role="alert">{view.error}</p>}
      <p role="status">{message}</p>
      {data && (
        <>
          <p>
            {data.source === 'configuration' || !data.updatedAt
              ? t('admin.emergency-from-configuration')
              : t('admin.emergency-updated', { when: when.format(new Date(data.updatedAt)) })}
          </p>
          <EmergencyNumbersForm
            key={data.updatedAt ?? 'configuration'}
            initial={data.emergencyNumbers}
            onSaved={() => {
              setMessage(t('admin.emergency-saved'));
              view.reload();
            }}
          />
        </>
      )}
    </>
  );
}
