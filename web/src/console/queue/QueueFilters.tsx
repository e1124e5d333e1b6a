import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { channels, statuses } from '../../report/vocabulary.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
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
  'holder',
] as const;
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
  const [filters, setFilters] = useState(initial);
  const set = (patch: Partial<QueueFilters>) => setFilters({ ...filters, ...patch });
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  return (
    <form
      className="filters"
      aria-label={t('analyst.queue.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(filters);
      }}
    >
      <SelectField
        id="queue-stage"
        label={t('analyst.queue.stage')}
        placeholder={t('reports.any')}
        options={options(stages, 'analyst.stage')}
        value={filters.stage}
        onChange={(stage) => set({ stage })}
      />
      <SelectField
        id="queue-category"
        label={t('reports.category')}
        placeholder={t('reports.any')}
        options={options(categories, 'category')}
        value={filters.category}
        onChange={(category) => set({ category })}
      />
      <SelectField
        id="queue-channel"
        label={t('reports.channel')}
        placeholder={t('reports.any')}
        options={options(channels, 'channel')}
        value={filters.channel}
        onChange={(channel) => set({ channel })}
      />
      <SelectField
        id="queue-status"
        label={t('reports.status')}
        placeholder={t('reports.any')}
        options={options(statuses, 'status')}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <SelectField
        id="queue-known"
        label={t('analyst.queue.known-content')}
        placeholder={t('reports.any')}
        options={yesNo}
        value={filters.knownContent}
        onChange={(knownContent) => set({ knownContent })}
      />
      <SelectField
        id="queue-urgent"
        label={t('reports.urgent')}
        placeholder={t('reports.any')}
        options={yesNo}
        value={filters.urgent}
        onChange={(urgent) => set({ urgent })}
      />
      <TextField
        id="queue-country"
        label={t('report.country')}
        hint={t('reports.country-hint')}
        maxLength={2}
        value={filters.country}
        onChange={(country) => set({ country: country.toUpperCase() })}
      />
      <SelectField
        id="queue-age"
        label={t('analyst.queue.age-group')}
        placeholder={t('reports.any')}
        options={options(ageGroups, 'analyst.age')}
        value={filters.ageGroup}
        onChange={(ageGroup) => set({ ageGroup })}
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
      <div className="actions">
        <button type="submit" className="primary">
          {t('reports.apply')}
        </button>
      </div>
    </form>
  );
}
