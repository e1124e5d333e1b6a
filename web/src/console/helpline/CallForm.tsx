import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { CategoryField } from '../../report/CategoryField.js';
import { ChildList } from '../../report/ChildList.js';
import { IdentifierList } from '../../report/IdentifierList.js';
import { PersonFields } from '../../report/PersonFields.js';
import { PlaceList } from '../../report/PlaceList.js';
import { UrgencyField } from '../../report/UrgencyField.js';
import { UrlList } from '../../report/UrlList.js';
import { isProblem } from '../../shared/api.js';
import { EmergencyNumbers } from '../../shared/EmergencyNumbers.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { errorsOfProblem } from '../../shared/form/problem-errors.js';
import { TextField } from '../../shared/form/TextField.js';
import type { PortalSettings } from '../../shared/settings.js';
import { useStaffApi } from '../use-staff-api.js';
import { callBodyOf, emptyCallDraft, type CallDraft } from './call-model.js';
import { CallerField, CallTimes } from './CallDetails.js';
import { CallOutcome } from './CallOutcome.js';
import { onFormKeyDown } from './shortcuts.js';

export interface RecordedCall {
  reportId: string;
  receivedAt: string;
}

/** One call, recorded as a report while the operator is on the phone; in logical tab order, sendable by keyboard. */
export function CallForm({ settings, onRecorded }: { settings: PortalSettings; onRecorded(call: RecordedCall): void }) {
  const { t, language } = useI18n();
  const api = useStaffApi();
  const [draft, setDraft] = useState<CallDraft>(() => emptyCallDraft(new Date()));
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const change = (patch: Partial<CallDraft>) => setDraft((current) => ({ ...current, ...patch }));

  async function send() {
    const local = new Map<string, string>();
    if (draft.callerType === '') local.set('callerType', t('call.error-caller-type'));
    if (draft.category === '') local.set('category', t('portal.error-category'));
    setErrors(local);
    setGeneral([]);
    if (local.size > 0) return;
    const { body, idOf } = callBodyOf(draft, language, new Date());
    setSending(true);
    try {
      // The same key on a retry: a call sent twice (a lost answer) is recorded once.
      onRecorded(await api<RecordedCall>('/api/helpline/calls', { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } }));
    } catch (failure) {
      const shown = isProblem(failure)
        ? errorsOfProblem(failure, idOf)
        : { errors: new Map<string, string>(), general: [t('common.network-error')] };
      setErrors(shown.errors);
      setGeneral(shown.general);
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      noValidate
      aria-labelledby="call-title"
      onKeyDown={onFormKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <p className="hint" id="call-shortcuts">
        {t('call.shortcuts')}
      </p>
      <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
      <FieldErrorsContext.Provider value={errors}>
        <fieldset className="group">
          <legend>{t('call.report')}</legend>
          <CallerField draft={draft} change={change} />
          <UrgencyField urgent={draft.urgent} onChange={(urgent) => change({ urgent })} />
          {draft.urgent && <EmergencyNumbers numbers={settings.emergencyNumbers} callable={false} />}
          <CategoryField categories={settings.categories} value={draft.category} onChange={(category) => change({ category })} />
          <TextField
            id="narrative"
            label={t('report.narrative')}
            hint={t('call.narrative-hint')}
            multiline
            value={draft.narrative}
            onChange={(narrative) => change({ narrative })}
          />
        </fieldset>
        <PlaceList places={draft.places} countries={settings.countries} onChange={(places) => change({ places })} />
        <ChildList children={draft.children} onChange={(children) => change({ children })} />
        <PersonFields person={draft.person} onChange={(person) => change({ person })} />
        <IdentifierList identifiers={draft.identifiers} onChange={(identifiers) => change({ identifiers })} />
        <UrlList urls={draft.urls} onChange={(urls) => change({ urls })} />
        <CallOutcome draft={draft} change={change} />
        <CallTimes draft={draft} change={change} />
      </FieldErrorsContext.Provider>
      {sending && <p role="status">{t('call.sending')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending} aria-describedby="call-shortcuts">
          {t('call.send')}
        </button>
      </div>
    </form>
  );
}
