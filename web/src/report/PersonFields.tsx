import { usePublicI18n } from '../i18n/index.js';
import { SelectField } from '../shared/form/SelectField.js';
import { TextField } from '../shared/form/TextField.js';
import type { PersonDraft } from './draft.js';
import { genderOptions } from './genders.js';

/** The person reported: everything optional, sent only when something is filled in. */
export function PersonFields({ person, onChange }: { person: PersonDraft; onChange(person: PersonDraft): void }) {
  const { t } = usePublicI18n();
  const set = (patch: Partial<PersonDraft>) => onChange({ ...person, ...patch });
  return (
    <fieldset className="group" id="person">
      <legend>{t('report.person')}</legend>
      <p className="hint">{t('report.person-hint')}</p>
      <TextField id="person-name" label={t('report.person-name')} value={person.name} onChange={(name) => set({ name })} />
      <div className="inline">
        <TextField
          id="person-ageMin"
          label={t('report.person-age-from')}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          value={person.ageMin}
          onChange={(ageMin) => set({ ageMin })}
        />
        <TextField
          id="person-ageMax"
          label={t('report.person-age-to')}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          value={person.ageMax}
          onChange={(ageMax) => set({ ageMax })}
        />
      </div>
      <SelectField
        id="person-gender"
        label={t('report.gender')}
        placeholder={t('common.not-stated')}
        options={genderOptions(t)}
        value={person.gender}
        onChange={(gender) => set({ gender })}
      />
      <TextField
        id="person-description"
        label={t('report.person-description')}
        multiline
        value={person.description}
        onChange={(description) => set({ description })}
      />
    </fieldset>
  );
}
