import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import type { Level, ServiceLevels } from './types.js';
import { useProblemErrors } from '../../shared/form/use-problem-errors.js';
import { useResource } from './use-resource.js';
import { milestones } from './vocabulary.js';

type Urgency = 'urgent' | 'normal';

/** One kind's two deadlines (a child in immediate danger, and the rest), each in hours and the status that meets it. */
function KindLevels({ kind, levels, onSaved }: { kind: string; levels: Record<Urgency, Level>; onSaved(text: string): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const canEdit = useCan('routing.edit');
  const [hours, setHours] = useState<Record<Urgency, string>>({ urgent: String(levels.urgent.hours), normal: String(levels.normal.hours) });
  const [metAt, setMetAt] = useState<Record<Urgency, string>>({ urgent: levels.urgent.metAt, normal: levels.normal.metAt });
  const idOf = (pointer: string) => {
    const [urgency, field] = pointer.replace(/^#\//, '').split('/');
    return urgency && field ? `level-${kind}-${urgency}-${field}` : undefined;
  };
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);
  const label = t(`admin.kind.${kind}` as MessageKey);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    const level = (urgency: Urgency) => ({ hours: Number(hours[urgency]), metAt: metAt[urgency] });
    try {
      await api(`/api/referrals/service-levels/${kind}`, { method: 'PUT', body: { urgent: level('urgent'), normal: level('normal') } });
      onSaved(t('admin.levels-saved', { kind: label }));
    } catch (failure) {
      fail(failure);
    }
  }

  const fields = (urgency: Urgency) => (
    <fieldset className="group" key={urgency}>
      <legend>{t(`admin.levels-${urgency}`)}</legend>
      <div className="row">
        <TextField
          id={`level-${kind}-${urgency}-hours`}
          type="number"
          inputMode="numeric"
          min={1}
          label={t('admin.levels-hours')}
          value={hours[urgency]}
          onChange={(value) => {
            setHours({ ...hours, [urgency]: value });
            changed(`level-${kind}-${urgency}-hours`);
          }}
        />
        <SelectField
          id={`level-${kind}-${urgency}-metAt`}
          label={t('admin.levels-met-at')}
          value={metAt[urgency]}
          options={milestones.map((value) => ({ value, label: t(`admin.milestone.${value}` as MessageKey) }))}
          onChange={(value) => setMetAt({ ...metAt, [urgency]: value })}
        />
      </div>
    </fieldset>
  );

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`levels-${kind}-title`}>
        <h2 id={`levels-${kind}-title`}>{label}</h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        {fields('urgent')}
        {fields('normal')}
        {canEdit && (
          <div className="actions">
            <button type="submit" className="primary">
              {t('admin.levels-save', { kind: label })}
            </button>
          </div>
        )}
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** The deadlines of each kind of referral; referrals made from then on get them, those already made keep theirs. */
export function ServiceLevelsPage() {
  const { t } = useI18n();
  const levels = useResource<ServiceLevels>('/api/referrals/service-levels');
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading>{t('admin.service-levels')}</PageHeading>
      <p>{t('admin.levels-explained')}</p>
      {levels.error && <p role="alert">{levels.error}</p>}
      <p role="status">{message}</p>
      {(levels.data?.levels ?? []).map((level) => (
        <KindLevels key={level.kind} kind={level.kind} levels={level} onSaved={setMessage} />
      ))}
    </>
  );
}
