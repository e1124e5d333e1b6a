import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import { channels, statuses } from '../../report/vocabulary.js';

export type Filters = Record<'category' | 'channel' | 'status' | 'urgent' | 'country' | 'receivedFrom' | 'receivedTo', string>;

/** The list's filters, as GET /api/reports takes them; applied when the form is sent. */
export function ReportFilters({
  initial,
  categories,
  onApply,
}: {
  initial: Filters;
  categories: readonly string[];
  onApply(filters: Filters): void;
}) {
  const { t } = useI18n();
  const [filters, setFilters] = useState(initial);
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
  return (
    <form
      className="filters"
      aria-label={t('reports.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(filters);
      }}
    >
      <SelectField
        id="filter-category"
        label={t('reports.category')}
        placeholder={t('reports.any')}
        options={options(categories, 'category')}
        value={filters.category}
        onChange={(category) => set({ category })}
      />
      <SelectField
        id="filter-channel"
        label={t('reports.channel')}
        placeholder={t('reports.any')}
        options={options(channels, 'channel')}
        value={filters.channel}
        onChange={(channel) => set({ channel })}
      />
      <SelectField
        id="filter-status"
        label={t('reports.status')}
        placeholder={t('reports.any')}
        options={options(statuses, 'status')}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <SelectField
        id="filter-urgent"
        label={t('reports.urgent')}
        placeholder={t('reports.any')}
        options={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        value={filters.urgent}
        onChange={(urgent) => set({ urgent })}
      />
      <TextField
        id="filter-country"
        label={t('report.country')}
        hint={t('reports.country-hint')}
        maxLength={2}
        value={filters.country}
        onChange={(country) => set({ country: country.toUpperCase() })}
      />
      <TextField
        id="filter-from"
        label={t('reports.received-from')}
        type="date"
        value={filters.receivedFrom}
        onChange={(receivedFrom) => set({ receivedFrom })}
      />
      <TextField
        id="filter-to"
        label={t('reports.received-to')}
        type="date"
        value={filters.receivedTo}
        onChange={(receivedTo) => set({ receivedTo })}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('reports.apply')}
        </button>
      </div>
    </form>
  );
}
