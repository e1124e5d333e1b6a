import { useI18n } from '../../i18n/index.js';
import { TextField } from '../../shared/form/TextField.js';
import { CountryFilter, FilterForm, ReportKindFilters, YesNoFilter } from './FilterForm.js';

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
  return (
    <FilterForm label={t('reports.filters')} initial={initial} onApply={onApply}>
      {(filters, set) => (
        <>
          <ReportKindFilters idPrefix="filter" categories={categories} filters={filters} set={set} />
          <YesNoFilter id="filter-urgent" label={t('reports.urgent')} value={filters.urgent} onChange={(urgent) => set({ urgent })} />
          <CountryFilter id="filter-country" value={filters.country} onChange={(country) => set({ country })} />
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
        </>
      )}
    </FilterForm>
  );
}
