import { useEffect, useRef, useState } from 'react';
import { usePublicI18n } from '../i18n/index.js';
import { solvedChallengeHeaders } from '../pow/solve.js';
import { fieldIdOf } from '../report/to-content.js';
import { isProblem, request } from '../shared/api.js';
import { EmergencyNumbers } from '../shared/EmergencyNumbers.js';
import { ErrorSummary } from '../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../shared/form/errors.js';
import { errorsOfProblem } from '../shared/form/problem-errors.js';
import type { PortalSettings } from '../shared/settings.js';
import { emptyPortalDraft, localErrors, portalContentOf, stepOfPointer, steps, type PortalDraft, type Step } from './model.js';
import { Receipt, type PublicReceipt } from './Receipt.js';
import { AboutStep } from './steps/AboutStep.js';
import { ReviewStep } from './steps/ReviewStep.js';
import { WhatStep } from './steps/WhatStep.js';
import { WhereStep } from './steps/WhereStep.js';
import { WhoStep } from './steps/WhoStep.js';

interface ReportFlowProps {
  settings: PortalSettings;
  draft: PortalDraft;
  setDraft(update: (draft: PortalDraft) => PortalDraft): void;
  onFollow(): void;
  onRestart(): void;
}

/** The report, step by step: what happened, where, who, about you, then review and send. */
export function ReportFlow({ settings, draft, setDraft, onFollow, onRestart }: ReportFlowProps) {
  const { t, language } = usePublicI18n();
  const [step, setStep] = useState<Step>('what');
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<{ answer: PublicReceipt; urgent: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const hasErrors = useRef(false);
  const index = steps.indexOf(step);

  // Declared before the focus effect, so that it runs first after each render.
  useEffect(() => {
    hasErrors.current = errors.size > 0 || general.length > 0;
  }, [errors, general]);
  useEffect(() => {
    // Only when the step changes: not on the first display (the quick exit stays the first
    // Tab), nor when StrictMode runs the effect again on the same step.
    if (shownStep.current === step) return;
    shownStep.current = step;
    // With errors, the error summary takes the focus instead.
    if (!hasErrors.current) heading.current?.focus();
  }, [step]);

  const change = (patch: Partial<PortalDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const goTo = (next: Step) => {
    setGeneral([]);
    setStep(next);
  };

  function next() {
    const found = localErrors(step, draft, t);
    setErrors(found);
    setGeneral([]);
    if (found.size === 0) setStep(steps[index + 1] ?? step);
  }

  async function send() {
    const found = localErrors('review', draft, t);
    if (found.size > 0) {
      setErrors(found);
      setStep(found.has('category') ? 'what' : 'about');
      return;
    }
    setSending(true);
    setGeneral([]);
    const { content, fields } = portalContentOf(draft, language);
    try {
      const headers = await solvedChallengeHeaders(language);
      const answer = await request<PublicReceipt>('/api/public/reports', { method: 'POST', body: content, headers, language });
      setReceipt({ answer, urgent: draft.urgent });
      // Sent: nothing of the report stays in the page.
      setDraft(() => emptyPortalDraft());
      setErrors(new Map());
    } catch (failure) {
      if (!isProblem(failure)) {
        setGeneral([t('common.network-error')]);
        return;
      }
      const shown = errorsOfProblem(failure, (pointer) => fieldIdOf(fields, pointer));
      const named = failure.errors.flatMap((field) => (field.pointer ? [stepOfPointer(field.pointer)] : []));
      const first = steps.find((candidate) => named.includes(candidate)) ?? 'review';
      setErrors(shown.errors);
      setGeneral(shown.general);
      setStep(first);
    } finally {
      setSending(false);
    }
  }

  if (receipt) {
    return (
      <>
        {receipt.urgent && <EmergencyNumbers numbers={settings.emergencyNumbers} />}
        <Receipt receipt={receipt.answer} onFollow={onFollow} onRestart={onRestart} />
      </>
    );
  }

  const stepProps = { draft, change, settings };
  return (
    <>
      <ol className="progress" aria-label={t('portal.progress')}>
        {steps.map((name, i) => (
          <li key={name} aria-current={name === step ? 'step' : undefined} className={i < index ? 'done' : undefined}>
            {t(`portal.step-${name}`)}
          </li>
        ))}
      </ol>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (step === 'review') void send();
          else next();
        }}
      >
        <h2 ref={heading} tabIndex={-1}>
          {t('portal.step-n', { n: index + 1, total: steps.length, name: t(`portal.step-${step}`) })}
        </h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <FieldErrorsContext.Provider value={errors}>
          {step === 'what' && <WhatStep {...stepProps} />}
          {step === 'where' && <WhereStep {...stepProps} />}
          {step === 'who' && <WhoStep {...stepProps} />}
          {step === 'about' && <AboutStep {...stepProps} />}
          {step === 'review' && <ReviewStep draft={draft} goTo={goTo} />}
        </FieldErrorsContext.Provider>
        {sending && (
          <p role="status" className="notice">
            {t('portal.sending')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>
            {step === 'review' ? t('portal.send') : t('common.next')}
          </button>
          {index > 0 && (
            <button type="button" className="secondary" disabled={sending} onClick={() => goTo(steps[index - 1] ?? step)}>
              {t('common.back')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
