import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { PageHeading } from '../PageHeading.js';
import { useStaffApi } from '../use-staff-api.js';
import { ReportFilters, type Filters } from './ReportFilters.js';
import type { ReportPage, ReportSummary } from './types.js';

const filterNames = ['category', 'channel', 'status', 'urgent', 'country', 'receivedFrom', 'receivedTo'] as const;

/** The query GET /api/reports takes; dates become the start of the day and the end of the day. */
function queryOf(filters: Filters): string {
  const query = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (!value) continue;
    if (name === 'receivedFrom') query.set(name, new Date(`${value}T00:00:00`).toISOString());
    else if (name === 'receivedTo') query.set(name, new Date(`${value}T23:59:59.999`).toISOString());
    else query.set(name, value);
  }
  return query.toString();
}

/** Reports newest first, without personal data. */
export function ReportListPage({ categories }: { categories: readonly string[] }) {
  const { t, language } = useI18n();
  const api = useStaffApi();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Filters;
  const query = queryOf(filters);
  const [rows, setRows] = useState<ReportSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchPage = useCallback(
    (cursor?: string) => {
      const withCursor = new URLSearchParams(query);
      if (cursor) withCursor.set('cursor', cursor);
      return api<ReportPage>(`/api/reports?${withCursor.toString()}`);
    },
    [api, query],
  );
  const failed = useCallback(
    (failure: unknown) => setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.title) : t('common.network-error')),
    [t],
  );
  useEffect(() => {
    let live = true;
    fetchPage().then((page) => {
      if (!live) return;
      setRows(page.reports);
      setNext(page.next);
      setError(null);
    }, failed);
    return () => {
      live = false;
    };
  }, [fetchPage, failed]);
  const more = (cursor: string) =>
    fetchPage(cursor).then((page) => {
      setRows((current) => [...current, ...page.reports]);
      setNext(page.next);
    }, failed);

  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <PageHeading>{t('reports.title')}</PageHeading>
      <ReportFilters
        key={query}
        initial={filters}
        categories={categories}
        onApply={(applied) => setParams(new URLSearchParams(Object.entries(applied).filter(([, v]) => v)))}
      />
      {error && <p role="alert">{error}</p>}
      <table className="reports">
        <caption>{t('reports.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.received')}</th>
            <th scope="col">{t('reports.category')}</th>
            <th scope="col">{t('reports.channel')}</th>
            <th scope="col">{t('reports.urgent')}</th>
            <th scope="col">{t('reports.status')}</th>
            <th scope="col">{t('reports.countries')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.urgent ? 'urgent' : undefined}>
              <td>
                <Link to={`/reports/${row.id}`}>{when.format(new Date(row.receivedAt))}</Link>
              </td>
              <td>{t(`category.${row.category}` as MessageKey)}</td>
              <td>{t(`channel.${row.channel}` as MessageKey)}</td>
              <td>{row.urgent ? t('reports.urgent-yes') : t('common.no')}</td>
              <td>{t(`status.${row.status}` as MessageKey)}</td>
              <td>{row.countries.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && !error && <p>{t('reports.none')}</p>}
      {next && (
        <button type="button" className="secondary" onClick={() => void more(next)}>
          {t('reports.more')}
        </button>
      )}
    </>
  );
}
