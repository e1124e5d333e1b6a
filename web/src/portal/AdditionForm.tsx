import { useState } from 'react';
import { usePublicI18n } from '../i18n/index.js';
import { solvedChallengeHeaders } from '../pow/solve.js';
import { emptyReportDraft, type ReportDraft } from '../report/draft.js';
import { IdentifierList } from '../report/IdentifierList.js';
import { fieldIdOf, reportContentOf } from '../report/to-content.js';
import { UrlList } from '../report/UrlList.js';
import { isProblem, request } from '../shared/api.js';
import { ErrorSummary } from '../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../shared/form/errors.js';
import { errorsOfProblem } from '../shared/form/problem-errors.js';
import { TextField } from '../shared/form/TextField.js';

/** More information for a report, sent with its receipt code and nothing that identifies the sender. */
export function AdditionForm({ receiptCode, onAdded }: { receiptCode: string; onAdded(): void }) {
  const { t, language } = usePublicI18n();
  const [draft, setDraft] = useState<ReportDraft>(emptyReportDraft);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  async function send() {
    const { content, fields } = reportContentOf(draft, language);
    const addition = { receiptCode, narrative: content.narrative, urls: content.urls, onlineIdentifiers: content.onlineIdentifiers };
    setSending(true);
    setDone(false);
    try {
      const headers = await solvedChallengeHeaders(language);
      await request('/api/public/reports/additions', { method: 'POST', body: addition, headers, language });
      setDraft(emptyReportDraft());
      setErrors(new Map());
      setGeneral([]);
      setDone(true);
      onAdded();
    } catch (failure) {
      if (!isProblem(failure)) return setGeneral([t('common.network-error')]);
      const shown = errorsOfProblem(failure, (pointer) => fieldIdOf(fields, pointer));
      setErrors(shown.errors);
      setGeneral(shown.general);
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      noValidate
      aria-labelledby="addition-title"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id="addition-title">{t('follow.add-title')}</h3>
      <p className="hint">{t('follow.add-hint')}</p>
      <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
      <FieldErrorsContext.Provider value={errors}>
        <TextField
          id="narrative"
          label={t('follow.add-narrative')}
          multiline
          value={draft.narrative}
          onChange={(narrative) => setDraft({ ...draft, narrative })}
        />
        <UrlList urls={draft.urls} onChange={(urls) => setDraft({ ...draft, urls })} />
        <IdentifierList identifiers={draft.identifiers} onChange={(identifiers) => setDraft({ ...draft, identifiers })} />
      </FieldErrorsContext.Provider>
      {sending && <p role="status">{t('portal.sending')}</p>}
      {done && (
        <p role="status" className="success">
          {t('follow.added')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {t('follow.add-send')}
        </button>
      </div>
    </form>
  );
}
