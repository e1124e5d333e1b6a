import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { CheckboxField } from '../../shared/form/CheckboxField.js';
import { TextField } from '../../shared/form/TextField.js';
import type { Assessment } from '../queue/types.js';
import { disputableFields, type DisputableField } from '../queue/vocabulary.js';
import { useStaffApi } from '../use-staff-api.js';
import { typingIn } from './shortcuts.js';
import { ShortcutHelp, useShortcutHelp, type ShortcutLine } from './ShortcutHelp.js';

const disagreeKey = 'd';

/**
 * The second analyst's decision on an assessment: confirm it (it becomes final), or
 * disagree, naming the fields and, if they wish, why. Ctrl+Enter confirms, `d` opens the
 * disagreement (then digits 1–4 tick its fields and Ctrl+Enter sends it), `?` the keys.
 */
export function ReviewForm({
  reportId,
  assessment,
  onReviewed,
}: {
  reportId: string;
  assessment: Assessment;
  onReviewed(done: string): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [disagreeing, setDisagreeing] = useState(false);
  const [fields, setFields] = useState<DisputableField[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { dialog: helpDialog, isOpen: helpIsOpen, show: showHelp } = useShortcutHelp();
  const [sending, setSending] = useState(false);
  const disagreement = useRef<HTMLFormElement>(null);
  const base = `/api/triage/reports/${encodeURIComponent(reportId)}`;

  const toggle = (field: DisputableField, on: boolean) =>
    setFields((current) => (on ? [...current.filter((f) => f !== field), field] : current.filter((f) => f !== field)));

  async function send(path: 'confirmation' | 'disagreement', body: object, done: string) {
    if (sending) return;
    setSending(true);
    try {
      await api(`${base}/${path}`, { method: 'POST', body });
      onReviewed(done);
    } catch (failure) {
      setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.detail ?? failure.title) : t('common.network-error'));
    } finally {
      setSending(false);
    }
  }
  const confirm = () => void send('confirmation', { assessmentId: assessment.id }, t('analyst.review.done-confirmed'));
  const disagree = () => {
    if (fields.length === 0) return setError(t('analyst.review.fields-required'));
    void send(
      'disagreement',
      { assessmentId: assessment.id, fields, ...(note.trim() ? { note } : {}) },
      t('analyst.review.done-disagreed'),
    );
  };

  const latest = useRef({ confirm, disagree, disagreeing, toggle });
  useLayoutEffect(() => {
    latest.current = { confirm, disagree, disagreeing, toggle };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (helpIsOpen() || event.defaultPrevented || event.altKey) return;
      const now = latest.current;
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (now.disagreeing) now.disagree();
        else now.confirm();
        return;
      }
      if (event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        showHelp();
      } else if (event.key === disagreeKey && !now.disagreeing) {
        event.preventDefault();
        setDisagreeing(true);
      } else if (now.disagreeing) {
        const digit = /^(?:Digit|Numpad)([1-4])$/.exec(event.code)?.[1];
        const field = digit ? disputableFields[Number(digit) - 1] : undefined;
        if (!field) return;
        event.preventDefault();
        const box = document.getElementById(`disagree-${field}`) as HTMLInputElement | null;
        now.toggle(field, !(box?.checked ?? false));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [helpIsOpen, showHelp]);
  useEffect(() => {
    if (disagreeing) document.getElementById(`disagree-${disputableFields[0]}`)?.focus();
  }, [disagreeing]);

  const lines: ShortcutLine[] = [
    { keys: [t('analyst.keys.ctrl-enter')], does: t('analyst.keys.confirm') },
    { keys: [disagreeKey], does: t('analyst.keys.disagree') },
    ...disputableFields.map((field, index) => ({
      keys: [String(index + 1)],
      does: t('analyst.keys.tick-field', { field: t(`analyst.field.${field}` as MessageKey) }),
    })),
    { keys: [t('analyst.keys.ctrl-enter')], does: t('analyst.keys.send-disagreement') },
    { keys: ['?'], does: t('analyst.keys.help') },
  ];

  return (
    <section aria-labelledby="review-title" className="assessment-form">
      <h2 id="review-title">{t('analyst.review.title')}</h2>
      <p className="hint">
        {t('analyst.keys.review-intro')}{' '}
        <button type="button" className="link" onClick={showHelp}>
          {t('analyst.keys.show')}
        </button>
      </p>
      {error && <p role="alert">{error}</p>}
      {!disagreeing ? (
        <div className="actions">
          <button type="button" className="primary" disabled={sending} onClick={confirm}>
            {t('analyst.review.confirm')} <kbd aria-hidden="true">{t('analyst.keys.ctrl-enter')}</kbd>
          </button>
          <button type="button" className="secondary" onClick={() => setDisagreeing(true)}>
            {t('analyst.review.disagree')} <kbd aria-hidden="true">{disagreeKey}</kbd>
          </button>
        </div>
      ) : (
        <form
          ref={disagreement}
          aria-labelledby="disagree-title"
          onSubmit={(event) => {
            event.preventDefault();
            disagree();
          }}
        >
          <h3 id="disagree-title">{t('analyst.review.disagree-title')}</h3>
          <fieldset className="field">
            <legend>{t('analyst.review.fields')}</legend>
            {disputableFields.map((field, index) => (
              <CheckboxField
                key={field}
                id={`disagree-${field}`}
                label={`${t(`analyst.field.${field}` as MessageKey)} (${index + 1})`}
                checked={fields.includes(field)}
                onChange={(on) => toggle(field, on)}
              />
            ))}
          </fieldset>
          <TextField
            id="disagree-note"
            label={t('analyst.review.note')}
            hint={t('analyst.assess.note-hint')}
            multiline
            maxLength={5000}
            value={note}
            onChange={setNote}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={sending}>
              {t('analyst.review.send-disagreement')}
            </button>
            <button type="button" className="secondary" onClick={() => setDisagreeing(false)}>
              {t('analyst.review.cancel')}
            </button>
          </div>
        </form>
      )}
      <ShortcutHelp dialog={helpDialog} lines={lines} />
    </section>
  );
}
