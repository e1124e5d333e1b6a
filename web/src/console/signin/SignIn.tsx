import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem, request } from '../../shared/api.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { errorsOfProblem } from '../../shared/form/problem-errors.js';
import { TextField } from '../../shared/form/TextField.js';
import { useSession } from '../session-context.js';
import { SecondFactor, type Enrolment } from './SecondFactor.js';

interface SignInAnswer {
  secondFactor: 'verify' | 'enrol';
  enrolment?: Enrolment;
}

const pointerIds: Record<string, string> = { '/email': 'email', '/password': 'password' };

/** E-mail and password, then the second factor (enrolled here on the first sign-in). */
export function SignIn() {
  const { t, language } = useI18n();
  const { state } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [answer, setAnswer] = useState<SignInAnswer | null>(null);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function signIn() {
    setBusy(true);
    try {
      setAnswer(await request<SignInAnswer>('/api/session', { method: 'POST', body: { email: email.trim(), password }, language }));
      setErrors(new Map());
      setGeneral([]);
    } catch (failure) {
      const shown = isProblem(failure)
        ? errorsOfProblem(failure, (pointer) => pointerIds[pointer.replace(/^#/, '')])
        : { errors: new Map(), general: [t('common.network-error')] };
      setErrors(shown.errors);
      setGeneral(shown.general);
    } finally {
      setBusy(false);
    }
  }

  if (answer) return <SecondFactor enrolment={answer.enrolment} onRestart={() => setAnswer(null)} />;
  return (
    <main id="main" className="narrow" tabIndex={-1}>
      <h1>{t('signin.title')}</h1>
      {state.kind === 'signed-out' && state.expired && (
        <p className="notice" role="status">
          {t('signin.expired')}
        </p>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void signIn();
        }}
      >
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <FieldErrorsContext.Provider value={errors}>
          <TextField
            id="email"
            label={t('signin.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            autoFocus
            required
          />
          <TextField
            id="password"
            label={t('signin.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
          />
        </FieldErrorsContext.Provider>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('signin.continue')}
          </button>
        </div>
      </form>
    </main>
  );
}
