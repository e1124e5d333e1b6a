import { useI18n } from '../../i18n/index.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { CountryFilter, FilterForm, ReportKindFilters, YesNoFilter, useFilterOptions } from '../reports/FilterForm.js';
import { ageGroups, stages } from './vocabulary.js';

export const queueFilterNames = [
  'stage',
  'category',
  'channel',
  'status',
  'knownContent',
  'urgent',
  'country',
  'ageGroup',
  'waitingHours',
  'holder',
] as const;
/** How long a report has waited since it was received, at least: an hour, a day, three days, a week. */
const waitingHours = [1, 24, 72, 168] as const;

export type QueueFilters = Record<(typeof queueFilterNames)[number], string>;

/** The query GET /api/triage/queue takes; "holder" is the API's `claimed` and `mine`. */
export function queueQueryOf(filters: QueueFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of queueFilterNames) {
    const value = filters[name];
    if (!value) continue;
    if (name === 'holder') {
      if (value === 'mine') query.set('mine', 'true');
      else query.set('claimed', value === 'claimed' ? 'true' : 'false');
    } else query.set(name, value);
  }
  return query;
}

/** The queue's filters; applied when the form is sent, kept in the page's address. */
export function QueueFilterForm({
  initial,
  categories,
  onApply,
}: {
  initial: QueueFilters;
  categories: readonly string[];
  onApply(filters: QueueFilters): void;
}) {
  const { t } = useI18n();
  const options = useFilterOptions();
  return (
    <FilterForm label={t('analyst.queue.filters')} initial={initial} onApply={onApply}>
      {(filters, set) => (
        <>
          <SelectField
            id="queue-stage"
            label={t('analyst.queue.stage')}
            placeholder={t('reports.any')}
            options={options(stages, 'analyst.stage')}
            value={filters.stage}
            onChange={(stage) => set({ stage })}
          />
          <ReportKindFilters idPrefix="queue" categories={categories} filters={filters} set={set} />
          <YesNoFilter
            id="queue-known"
            label={t('analyst.queue.known-content')}
            value={filters.knownContent}
            onChange={(knownContent) => set({ knownContent })}
          />
          <YesNoFilter id="queue-urgent" label={t('reports.urgent')} value={filters.urgent} onChange={(urgent) => set({ urgent })} />
          <CountryFilter id="queue-country" value={filters.country} onChange={(country) => set({ country })} />
          <SelectField
            id="queue-age"
            label={t('analyst.queue.age-group')}
            placeholder={t('reports.any')}
            options={options(ageGroups, 'analyst.age')}
            value={filters.ageGroup}
            onChange={(ageGroup) => set({ ageGroup })}
          />
          <SelectField
            id="queue-waiting"
            label={t('analyst.queue.waiting')}
            placeholder={t('reports.any')}
            options={waitingHours.map((hours) => ({ value: String(hours), label: t(`analyst.queue.waiting-${hours}`) }))}
            value={filters.waitingHours}
            onChange={(waitingHours) => set({ waitingHours })}
          />
          <SelectField
            id="queue-holder"
            label={t('analyst.queue.holder')}
            placeholder={t('reports.any')}
            options={[
              { value: 'free', label: t('analyst.queue.holder-free') },
              { value: 'claimed', label: t('analyst.queue.holder-claimed') },
              { value: 'mine', label: t('analyst.queue.holder-mine') },
            ]}
            value={filters.holder}
            onChange={(holder) => set({ holder })}
          />
        </>
      )}
    </FilterForm>
  );
}
