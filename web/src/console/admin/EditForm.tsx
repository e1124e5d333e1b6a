import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';

/**
 * The frame of an edit form of the administration, opened below a table from one row: its
 * title (which takes the focus, unless a field asks for it), the server's errors, an optional
 * hint, the fields, then save (submits) or cancel.
 */
export function EditForm({
  id,
  title,
  hint,
  errors,
  general,
  saveLabel,
  focusTitle = true,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  errors: ReadonlyMap<string, string>;
  general: readonly string[];
  saveLabel: MessageKey;
  focusTitle?: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button: the keyboard continues in the form.
  useEffect(() => {
    if (focusTitle) heading.current?.focus();
  }, [focusTitle]);
  return (
    <FieldErrorsContext.Provider value={errors}>
      <form
        className="admin-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
        aria-labelledby={`${id}-title`}
      >
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        {hint && <p className="hint">{hint}</p>}
        {children}
        <div className="actions">
          <button type="submit" className="primary">
            {t(saveLabel)}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('admin.edit-cancel')}
          </button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}
