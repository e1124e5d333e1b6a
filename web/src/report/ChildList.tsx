import { usePublicI18n } from '../i18n/index.js';
import { RadioGroup } from '../shared/form/RadioGroup.js';
import { SelectField } from '../shared/form/SelectField.js';
import { TextField } from '../shared/form/TextField.js';
import { emptyChild, type AgeKind, type ChildDraft } from './draft.js';
import { genderOptions } from './genders.js';
import { useList } from './use-list.js';

export function ChildList({ children, onChange }: { children: readonly ChildDraft[]; onChange(rows: ChildDraft[]): void }) {
  const { t } = usePublicI18n();
  const list = useList(children, onChange, emptyChild);
  const ageKinds = [
    { value: 'unknown', label: t('report.age-unknown') },
    { value: 'exact', label: t('report.age-exact') },
    { value: 'range', label: t('report.age-range') },
  ];
  return (
    <fieldset className="group" id="children">
      <legend>{t('report.children')}</legend>
      <p className="hint">{t('report.children-hint')}</p>
      {children.map((row, index) => {
        const id = `child-${row.key}`;
        const set = (patch: Partial<ChildDraft>) => list.update(row.key, patch);
        return (
          <fieldset className="item" id={id} key={row.key}>
            <legend>{t('report.child-n', { n: index + 1 })}</legend>
            <RadioGroup
              id={`${id}-ageKind`}
              legend={t('report.age')}
              options={ageKinds}
              value={row.ageKind}
              autoFocus={list.added === row.key}
              onChange={(ageKind) => set({ ageKind: ageKind as AgeKind })}
            />
            {row.ageKind === 'exact' && (
              <TextField
                id={`${id}-age`}
                label={t('report.age-years')}
                type="number"
                inputMode="numeric"
                min={0}
                max={21}
                value={row.age}
                onChange={(age) => set({ age })}
              />
            )}
            {row.ageKind === 'range' && (
              <div className="inline">
                <TextField
                  id={`${id}-ageMin`}
                  label={t('report.age-from')}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={21}
                  value={row.ageMin}
                  onChange={(ageMin) => set({ ageMin })}
                />
                <TextField
                  id={`${id}-ageMax`}
                  label={t('report.age-to')}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={21}
                  value={row.ageMax}
                  onChange={(ageMax) => set({ ageMax })}
                />
              </div>
            )}
            <SelectField
              id={`${id}-gender`}
              label={t('report.gender')}
              placeholder={t('common.not-stated')}
              options={genderOptions(t)}
              value={row.gender}
              onChange={(gender) => set({ gender })}
            />
            <TextField
              id={`${id}-description`}
              label={t('report.child-description')}
              multiline
              value={row.description}
              onChange={(description) => set({ description })}
            />
            <button type="button" className="link-button" onClick={() => list.remove(row.key)}>
              {t('common.remove-n', { what: t('report.child-n', { n: index + 1 }) })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" data-add="child" onClick={list.add}>
        {t('report.add-child')}
      </button>
    </fieldset>
  );
}
