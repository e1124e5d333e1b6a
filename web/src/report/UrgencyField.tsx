import { usePublicI18n } from '../i18n/index.js';
import { CheckboxField } from '../shared/form/CheckboxField.js';

export function UrgencyField({ urgent, onChange }: { urgent: boolean; onChange(urgent: boolean): void }) {
  const { t } = usePublicI18n();
  return (
    <CheckboxField
      id="childInImmediateDanger"
      className="urgency"
      label={t('report.urgent')}
      hint={t('report.urgent-hint')}
      checked={urgent}
      onChange={onChange}
    />
  );
}
