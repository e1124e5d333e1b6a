import { usePublicI18n } from '../i18n/index.js';
import { SelectField } from '../shared/form/SelectField.js';
import { TextField } from '../shared/form/TextField.js';
import { countryOptions } from './countries.js';
import { emptyPlace, type PlaceDraft } from './draft.js';
import { useList } from './use-list.js';

interface PlaceListProps {
  places: readonly PlaceDraft[];
  countries: readonly string[];
  onChange(rows: PlaceDraft[]): void;
}

export function PlaceList({ places, countries, onChange }: PlaceListProps) {
  const { t, language } = usePublicI18n();
  const list = useList(places, onChange, emptyPlace);
  const options = countryOptions(countries, language);
  return (
    <fieldset className="group" id="places">
      <legend>{t('report.places')}</legend>
      <p className="hint">{t('report.places-hint')}</p>
      {places.map((row, index) => {
        const id = `place-${row.key}`;
        const set = (patch: Partial<PlaceDraft>) => list.update(row.key, patch);
        return (
          <fieldset className="item" id={id} key={row.key}>
            <legend>{t('report.place-n', { n: index + 1 })}</legend>
            <SelectField
              id={`${id}-country`}
              label={t('report.country')}
              placeholder={t('common.choose')}
              options={options}
              value={row.country}
              autoFocus={list.added === row.key}
              onChange={(country) => set({ country })}
            />
            <TextField
              id={`${id}-subdivision`}
              label={t('report.subdivision')}
              hint={t('report.subdivision-hint')}
              value={row.subdivision}
              onChange={(subdivision) => set({ subdivision })}
            />
            <TextField id={`${id}-city`} label={t('report.city')} value={row.city} onChange={(city) => set({ city })} />
            <button type="button" className="link-button" onClick={() => list.remove(row.key)}>
              {t('common.remove-n', { what: t('report.place-n', { n: index + 1 }) })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" data-add="place" onClick={list.add}>
        {t('report.add-place')}
      </button>
    </fieldset>
  );
}
