import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { errorsOfProblem, withoutError } from '../../shared/form/problem-errors.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import { ageGroups, imageryClasses, legalStatuses, type AgeGroup, type ImageryClass, type LegalStatus } from '../queue/vocabulary.js';
import { useStaffApi } from '../use-staff-api.js';
import { KeyedRadios } from './KeyedRadios.js';
import { ageGroupKeys, assessmentKeyOf, imageryClassKeys, legalStatusKeys } from './shortcuts.js';
import { ShortcutHelp, useShortcutHelp, type ShortcutLine } from './ShortcutHelp.js';

/** The key shown for an imagery class: its letter, with Shift for a class 2. */
const keyOf = (value: ImageryClass) => (value.endsWith('2') ? `⇧${value[0]!.toLowerCase()}` : value[0]!.toLowerCase());

interface Draft {
  legalStatus: LegalStatus | '';
  category: string;
  ageGroup: AgeGroup | '';
  imageryClass: ImageryClass | '';
  note: string;
}

const fieldIds: Record<string, string> = {
  '/legalStatus': 'assess-legal',
  '/category': 'assess-category',
  '/ageGroup': 'assess-age',
  '/imageryClass': 'assess-imagery',
  '/note': 'assess-note',
};

/**
 * The analyst's assessment of a report they hold: legal status, category (the reporter's
 * by default), age group, imagery class and a note (sealed). Every choice has a key, and
 * Ctrl+Enter sends from anywhere (the help dialog, `?`, lists them).
 */
export function AssessmentForm({
  reportId,
  reportCategory,
  categories,
  onAssessed,
}: {
  reportId: string;
  reportCategory: string;
  categories: readonly string[];
  onAssessed(final: boolean): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [draft, setDraft] = useState<Draft>({ legalStatus: '', category: reportCategory, ageGroup: '', imageryClass: '', note: '' });
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const { dialog: helpDialog, isOpen: helpIsOpen, show: showHelp } = useShortcutHelp();
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<Draft>, id: string) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => withoutError(current, id));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (helpIsOpen() || event.defaultPrevented) return;
      const meaning = assessmentKeyOf(event);
      if (!meaning) return;
      event.preventDefault();
      if ('submit' in meaning) form.current?.requestSubmit();
      else if ('help' in meaning) showHelp();
      else if ('focus' in meaning) document.getElementById(meaning.focus === 'category' ? 'assess-category' : 'assess-note')?.focus();
      else if (meaning.field === 'legalStatus') set({ legalStatus: meaning.value }, 'assess-legal');
      else if (meaning.field === 'ageGroup') set({ ageGroup: meaning.value }, 'assess-age');
      else set({ imageryClass: meaning.value }, 'assess-imagery');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [helpIsOpen, showHelp]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (draft.legalStatus === '') {
      setErrors(new Map([['assess-legal', t('analyst.assess.legal-required')]]));
      setGeneral([]);
      return;
    }
    setSending(true);
    try {
      const result = await api<{ final: unknown }>(`/api/triage/reports/${encodeURIComponent(reportId)}/assessment`, {
        method: 'POST',
        body: {
          legalStatus: draft.legalStatus,
          category: draft.category,
          ageGroup: draft.ageGroup || null,
          imageryClass: draft.imageryClass || null,
          ...(draft.note.trim() ? { note: draft.note } : {}),
        },
      });
      onAssessed(result.final !== null);
    } catch (failure) {
      if (isProblem(failure)) {
        const found = errorsOfProblem(failure, (pointer) => fieldIds[pointer]);
        setErrors(found.errors);
        setGeneral(found.general);
      } else setGeneral([t('common.network-error')]);
    } finally {
      setSending(false);
    }
  }

  const lines: ShortcutLine[] = [
    ...legalStatuses.map((value) => ({ keys: [legalStatusKeys[value]], does: t(`analyst.legal.${value}` as MessageKey) })),
    ...(['', ...ageGroups] as const).map((value) => ({
      keys: [ageGroupKeys[value]],
      does: value ? t(`analyst.age.${value}` as MessageKey) : t('analyst.age.unknown'),
    })),
    ...(['', ...imageryClasses] as const).map((value) => ({
      keys: [value ? keyOf(value) : imageryClassKeys['']],
      does: value ? t(`analyst.imagery.${value}`) : t('analyst.imagery.none'),
    })),
    { keys: ['c'], does: t('analyst.keys.category') },
    { keys: ['n'], does: t('analyst.keys.note') },
    { keys: [t('analyst.keys.ctrl-enter')], does: t('analyst.keys.submit-assessment') },
    { keys: ['?'], does: t('analyst.keys.help') },
  ];

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form ref={form} className="assessment-form" aria-labelledby="assess-form-title" onSubmit={(event) => void submit(event)} noValidate>
        <h2 id="assess-form-title">{t('analyst.assess.form-title')}</h2>
        <p className="hint">
          {t('analyst.keys.intro')}{' '}
          <button type="button" className="link" onClick={showHelp}>
            {t('analyst.keys.show')}
          </button>
        </p>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <KeyedRadios
          id="assess-legal"
          legend={t('analyst.field.legalStatus')}
          value={draft.legalStatus}
          options={legalStatuses.map((value) => ({ value, label: t(`analyst.legal.${value}` as MessageKey), key: legalStatusKeys[value] }))}
          onChange={(value) => set({ legalStatus: value as LegalStatus }, 'assess-legal')}
        />
        <SelectField
          id="assess-category"
          label={t('analyst.field.category')}
          hint={t('analyst.assess.category-hint')}
          options={categories.map((value) => ({ value, label: t(`category.${value}` as MessageKey) }))}
          value={draft.category}
          onChange={(category) => set({ category }, 'assess-category')}
        />
        <KeyedRadios
          id="assess-age"
          legend={t('analyst.field.ageGroup')}
          value={draft.ageGroup}
          options={(['', ...ageGroups] as const).map((value) => ({
            value,
            label: value ? t(`analyst.age.${value}` as MessageKey) : t('analyst.age.unknown'),
            key: ageGroupKeys[value],
          }))}
          onChange={(value) => set({ ageGroup: value as AgeGroup | '' }, 'assess-age')}
        />
        <KeyedRadios
          id="assess-imagery"
          legend={t('analyst.field.imageryClass')}
          value={draft.imageryClass}
          options={(['', ...imageryClasses] as const).map((value) => ({
            value,
            label: value ? t(`analyst.imagery.${value}`) : t('analyst.imagery.none'),
            key: value ? keyOf(value) : imageryClassKeys[''],
          }))}
          onChange={(value) => set({ imageryClass: value as ImageryClass | '' }, 'assess-imagery')}
        />
        <TextField
          id="assess-note"
          label={t('analyst.assess.note')}
          hint={t('analyst.assess.note-hint')}
          multiline
          maxLength={5000}
          value={draft.note}
          onChange={(note) => set({ note }, 'assess-note')}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={sending}>
            {t('analyst.assess.submit')} <kbd aria-hidden="true">{t('analyst.keys.ctrl-enter')}</kbd>
          </button>
        </div>
      </form>
      <ShortcutHelp dialog={helpDialog} lines={lines} />
    </FieldErrorsContext.Provider>
  );
}
