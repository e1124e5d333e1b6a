import { useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { channels, statuses } from '../../report/vocabulary.js';
import { SelectField, type Option } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';

/**
 * A form of filters, shared by the reports list and the queue: it keeps the filters being
 * edited and gives them to `onApply` when the form is sent.
 */
export function FilterForm<F extends Record<string, string>>({
  label,
  initial,
  onApply,
  children,
}: {
  label: string;
  initial: F;
  onApply(filters: F): void;
  children(filters: F, set: (patch: Partial<F>) => void): ReactNode;
}) {
  const { t } = useI18n();
  const [filters, setFilters] = useState(initial);
  const set = (patch: Partial<F>) => setFilters({ ...filters, ...patch });
  return (
    <form
      className="filters"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(filters);
      }}
    >
      {children(filters, set)}
      <div className="actions">
        <button type="submit" className="primary">
          {t('reports.apply')}
        </button>
      </div>
    </form>
  );
}

/** The choices of a filter, each labelled by the catalogue's `<prefix>.<value>`. */
export function useFilterOptions(): (values: readonly string[], prefix: string) => Option[] {
  const { t } = useI18n();
  return (values, prefix) => values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
}

type ReportKind = Record<'category' | 'channel' | 'status', string>;

/** Category, channel and status: what the report is, filtered alike on the list and the queue. */
export function ReportKindFilters({
  idPrefix,
  categories,
  filters,
  set,
}: {
  idPrefix: string;
  categories: readonly string[];
  filters: ReportKind;
  set(patch: Partial<ReportKind>): void;
}) {
  const { t } = useI18n();
  const options = useFilterOptions();
  return (
    <>
      <SelectField
        id={`${idPrefix}-category`}
        label={t('reports.category')}
        placeholder={t('reports.any')}
        options={options(categories, 'category')}
        value={filters.category}
        onChange={(category) => set({ category })}
      />
      <SelectField
        id={`${idPrefix}-channel`}
        label={t('reports.channel')}
        placeholder={t('reports.any')}
        options={options(channels, 'channel')}
        value={filters.channel}
        onChange={(channel) => set({ channel })}
      />
      <SelectField
        id={`${idPrefix}-status`}
        label={t('reports.status')}
        placeholder={t('reports.any')}
        options={options(statuses, 'status')}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
    </>
  );
}

/** A yes / no filter ("true" / "false", or any). */
export function YesNoFilter({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <SelectField
      id={id}
      label={label}
      placeholder={t('reports.any')}
      options={[
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ]}
      value={value}
      onChange={onChange}
    />
  );
}

/** The country filter: a two-letter code, upper-cased as typed. */
export function CountryFilter({ id, value, onChange }: { id: string; value: string; onChange(country: string): void }) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      label={t('report.country')}
      hint={t('reports.country-hint')}
      maxLength={2}
      value={value}
      onChange={(country) => onChange(country.toUpperCase())}
    />
  );
}
