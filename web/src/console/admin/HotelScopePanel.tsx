import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { CheckboxField } from '../../shared/form/CheckboxField.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext, useFieldError } from '../../shared/form/errors.js';
import { FieldMessages } from '../../shared/form/FieldMessages.js';
import { RadioGroup } from '../../shared/form/RadioGroup.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import type { ApiKeySummary, Hotel, HotelScope } from './types.js';
import { useProblemErrors } from '../../shared/form/use-problem-errors.js';
import { useResource } from './use-resource.js';

const hotelsId = 'hotel-scope-hotels';
const idOf = (pointer: string) => (pointer.startsWith('#/hotelIds') ? hotelsId : undefined);

function HotelChoices({
  hotels,
  chosen,
  onChange,
}: {
  hotels: readonly Hotel[];
  chosen: readonly string[];
  onChange(next: string[]): void;
}) {
  const { t } = useI18n();
  const error = useFieldError(hotelsId);
  return (
    <fieldset
      id={hotelsId}
      className={`field group${error ? ' has-error' : ''}`}
      aria-describedby={error ? `${hotelsId}-error` : undefined}
    >
      <legend>{t('admin.hotels-chosen')}</legend>
      <FieldMessages id={hotelsId} error={error} />
      {hotels.map((hotel) => (
        <CheckboxField
          key={hotel.id}
          id={`hotel-${hotel.id}`}
          label={t('admin.hotel-label', { name: hotel.name, city: hotel.city, country: hotel.country })}
          checked={chosen.includes(hotel.id)}
          onChange={(checked) => onChange(checked ? [...chosen, hotel.id] : chosen.filter((id) => id !== hotel.id))}
        />
      ))}
    </fieldset>
  );
}

function ScopeForm({ apiKey, hotels, scope }: { apiKey: ApiKeySummary; hotels: readonly Hotel[]; scope: HotelScope }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const canManage = useCan('hotel.manage');
  const [all, setAll] = useState(scope.allHotels ? 'all' : 'some');
  const [chosen, setChosen] = useState<string[]>(scope.hotelIds);
  const [saved, setSaved] = useState('');
  const { errors, general, fail, clear, changed } = useProblemErrors(idOf);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved('');
    const body = all === 'all' ? { allHotels: true } : { allHotels: false, hotelIds: chosen };
    try {
      await api(`/api/hotel-scopes/${apiKey.id}`, { method: 'PUT', body });
      setSaved(t('admin.hotels-saved', { name: apiKey.name }));
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <FieldErrorsContext.Provider value={errors}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('admin.hotels-title', { name: apiKey.name })}>
        <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
        <RadioGroup
          id="hotel-scope-all"
          legend={t('admin.hotels-which')}
          value={all}
          options={[
            { value: 'all', label: t('admin.hotels-all') },
            { value: 'some', label: t('admin.hotels-some') },
          ]}
          onChange={(value) => {
            setAll(value);
            changed(hotelsId);
          }}
        />
        {all === 'some' && (
          <HotelChoices
            hotels={hotels}
            chosen={chosen}
            onChange={(next) => {
              setChosen(next);
              changed(hotelsId);
            }}
          />
        )}
        <p role="status">{saved}</p>
        {canManage && (
          <div className="actions">
            <button type="submit" className="primary">
              {t('admin.hotels-save', { name: apiKey.name })}
            </button>
          </div>
        )}
      </form>
    </FieldErrorsContext.Provider>
  );
}

/** Which hotels of its chain (the key's organisation) a hotel chain's key may report for. */
export function HotelScopePanel({ apiKey }: { apiKey: ApiKeySummary }) {
  const { t } = useI18n();
  const hotels = useResource<{ hotels: Hotel[] }>(`/api/hotels?chainId=${encodeURIComponent(apiKey.organisationId)}`);
  const scope = useResource<HotelScope>(`/api/hotel-scopes/${apiKey.id}`);
  return (
    <section className="admin-form" aria-labelledby="hotel-scope-title">
      <h2 id="hotel-scope-title">{t('admin.hotels-title', { name: apiKey.name })}</h2>
      {(hotels.error ?? scope.error) && <p role="alert">{hotels.error ?? scope.error}</p>}
      {hotels.data && hotels.data.hotels.length === 0 && <p>{t('admin.hotels-none')}</p>}
      {hotels.data && hotels.data.hotels.length > 0 && scope.data && (
        <ScopeForm key={apiKey.id} apiKey={apiKey} hotels={hotels.data.hotels} scope={scope.data} />
      )}
    </section>
  );
}
