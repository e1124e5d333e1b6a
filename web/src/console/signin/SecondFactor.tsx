import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem, request } from '../../shared/api.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { TextField } from '../../shared/form/TextField.js';
import { useSession, type SessionView } from '../session-context.js';
import { EnrolmentQr } from './EnrolmentQr.js';

export interface Enrolment {
  secret: string;
  uri: string;
}

/** The six-digit code of the authenticator app; on the first sign-in, the app is set up first. */
export function SecondFactor({ enrolment, onRestart }: { enrolment: Enrolment | undefined; onRestart(): void }) {
  const { t, language } = useI18n();
  const { signedIn } = useSession();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    try {
      signedIn(
        await request<SessionView>('/api/session/second-factor', { method: 'POST', body: { code: code.replace(/\s/g, '') }, language }),
      );
    } catch (failure) {
      const message = isProblem(failure) ? (failure.errors[0]?.detail ?? failure.title) : t('common.network-error');
      setErrors(new Map([['code', message]]));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="narrow" tabIndex={-1}>
      <h1>{enrolment ? t('signin.enrol-title') : t('signin.code-title')}</h1>
      {enrolment && <EnrolmentQr enrolment={enrolment} />}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void verify();
        }}
      >
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={[]} />
        <FieldErrorsContext.Provider value={errors}>
          <TextField
            id="code"
            label={t('signin.code')}
            hint={t('signin.code-hint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onChange={setCode}
            autoFocus
            required
          />
        </FieldErrorsContext.Provider>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('signin.verify')}
          </button>
          <button type="button" className="link-button" onClick={onRestart}>
            {t('signin.restart')}
          </button>
        </div>
      </form>
    </main>
  );
}
