import { useState } from 'react';
import { usePublicI18n } from '../i18n/index.js';
import { isProblem, request } from '../shared/api.js';
import { FieldErrorsContext } from '../shared/form/errors.js';
import { TextField } from '../shared/form/TextField.js';
import { AdditionForm } from './AdditionForm.js';
import { ReportStatusView, type PublicStatus } from './ReportStatusView.js';

/** "Follow my report": the receipt code alone shows the status and lets the reporter add information. */
export function FollowPage({ onNewReport }: { onNewReport(): void }) {
  const { t, language } = usePublicI18n();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<string | null>(null);
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = useState(false);

  async function look(receiptCode: string) {
    setBusy(true);
    try {
      setStatus(await request<PublicStatus>('/api/public/reports/status', { headers: { 'receipt-code': receiptCode }, language }));
      setChecked(receiptCode);
      setErrors(new Map());
    } catch (failure) {
      setStatus(null);
      setChecked(null);
      const message =
        isProblem(failure, 'not-found') || isProblem(failure, 'validation')
          ? t('follow.not-found')
          : isProblem(failure)
            ? failure.title
            : t('common.network-error');
      setErrors(new Map([['receiptCode', message]]));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="follow-title">
      <h2 id="follow-title">{t('follow.title')}</h2>
      <p>{t('follow.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim() !== '') void look(code.trim());
        }}
      >
        <FieldErrorsContext.Provider value={errors}>
          <TextField id="receiptCode" label={t('follow.code')} hint={t('follow.code-hint')} value={code} onChange={setCode} />
        </FieldErrorsContext.Provider>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('follow.look')}
          </button>
          <button type="button" className="link-button" onClick={onNewReport}>
            {t('follow.new-report')}
          </button>
        </div>
      </form>
      {status && checked && (
        <>
          <ReportStatusView status={status} />
          <AdditionForm receiptCode={checked} onAdded={() => void look(checked)} />
        </>
      )}
    </section>
  );
}
