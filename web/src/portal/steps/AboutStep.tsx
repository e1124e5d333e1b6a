import { usePublicI18n } from '../../i18n/index.js';
import { reporterRoles } from '../../report/vocabulary.js';
import { CheckboxField } from '../../shared/form/CheckboxField.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import type { ReporterDraft } from '../model.js';
import type { StepProps } from './step-props.js';

/** Anonymous unless the person ticks the box: only then are contact details asked for, and sent. */
export function AboutStep({ draft, change }: StepProps) {
  const { t } = usePublicI18n();
  const reporter = draft.reporter;
  const set = (patch: Partial<ReporterDraft>) => change({ reporter: { ...reporter, ...patch } });
  const roles = reporterRoles.map((role) => ({ value: role, label: t(`role.${role}`) }));
  return (
    <>
      <p className="notice">{t('portal.anonymous')}</p>
      <SelectField
        id="reporter-role"
        label={t('portal.role')}
        hint={t('portal.role-hint')}
        placeholder={t('portal.role-none')}
        options={roles}
        value={reporter.role}
        onChange={(role) => set({ role })}
      />
      <CheckboxField
        id="reporter-consent"
        label={t('portal.consent')}
        hint={t('portal.consent-hint')}
        checked={reporter.consent}
        onChange={(consent) => set({ consent })}
      />
      {reporter.consent && (
        <fieldset className="group">
          <legend>{t('portal.contact')}</legend>
          <TextField
            id="reporter-name"
            label={t('portal.contact-name')}
            autoComplete="name"
            value={reporter.name}
            onChange={(name) => set({ name })}
          />
          <TextField
            id="reporter-email"
            label={t('report.email')}
            type="email"
            autoComplete="email"
            value={reporter.email}
            onChange={(email) => set({ email })}
          />
          <TextField
            id="reporter-phone"
            label={t('report.phone')}
            hint={t('report.phone-hint')}
            type="tel"
            autoComplete="tel"
            value={reporter.phone}
            onChange={(phone) => set({ phone })}
          />
        </fieldset>
      )}
    </>
  );
}
