import { useI18n, type MessageKey } from '../../i18n/index.js';

/** The buttons that end an edit form of the administration: save (submits the form) or cancel. */
export function EditActions({ saveLabel, onCancel }: { saveLabel: MessageKey; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="primary">
        {t(saveLabel)}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('admin.edit-cancel')}
      </button>
    </div>
  );
}
