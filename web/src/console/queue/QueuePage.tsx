import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { PageHeading } from '../PageHeading.js';
import { useCan, useSignedIn } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import '../assessment/analyst.css';
import { DoneMessage } from '../assessment/DoneMessage.js';
import { AssignDialog, referenceOf, type AssignTarget } from './AssignDialog.js';
import { ClaimHolder } from './ClaimCell.js';
import { claimPath, workPathOf } from './claims.js';
import { QueueCountsPanel } from './QueueCountsPanel.js';
import { QueueFilterForm, queueFilterNames, queueQueryOf, type QueueFilters } from './QueueFilters.js';
import type { Assignee, ClaimResult, QueueCounts, QueueItem, QueuePage as QueuePageView } from './types.js';
import { usePolled } from './use-polled.js';
import { fieldList } from './labels.js';
import { ScrollBox } from '../reports/ScrollBox.js';

/**
 * The assessment queue by priority: a child in danger, known content, trafficking, the
 * youngest, then the oldest. The counts and the first page are polled, so both follow the
 * others' claims and new reports without a reload.
 */
export function QueuePage({ categories }: { categories: readonly string[] }) {
  const { t, language } = useI18n();
  const api = useStaffApi();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const mayClaim = useCan('assessment.claim');
  const mayReassign = useCan('assessment.reassign');
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(queueFilterNames.map((name) => [name, params.get(name) ?? ''])) as QueueFilters;
  const query = queueQueryOf(filters).toString();
  const counts = usePolled<QueueCounts>('/api/triage/counts');
  const page = usePolled<QueuePageView>(`/api/triage/queue?${query}`);
  const [more, setMore] = useState<{ query: string; items: QueueItem[]; next: string | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<AssignTarget | null>(null);
  const [assignees, setAssignees] = useState<Assignee[] | null>(null);
  const askedForAssignees = useRef(false);

  const failed = (failure: unknown) =>
    setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.detail ?? failure.title) : t('common.network-error'));
  const refresh = () => {
    counts.refresh();
    page.refresh();
  };
  async function claimReport(reportId: string) {
    setError(null);
    try {
      const { claim } = await api<ClaimResult>(claimPath(reportId), { method: 'POST' });
      void navigate(workPathOf(claim));
    } catch (failure) {
      failed(failure);
      refresh();
    }
  }
  async function release(reportId: string) {
    setError(null);
    try {
      await api<undefined>(claimPath(reportId), { method: 'DELETE' });
      setMessage(t('analyst.claim.released'));
    } catch (failure) {
      failed(failure);
    }
    refresh();
  }
  /** A supervisor's choice of analyst: the list (names, an audited read) is asked for once, when first needed. */
  async function openAssign(target: AssignTarget) {
    setError(null);
    setAssigning(target);
    if (askedForAssignees.current) return;
    askedForAssignees.current = true;
    try {
      setAssignees((await api<{ assignees: Assignee[] }>('/api/triage/assignees')).assignees);
    } catch (failure) {
      askedForAssignees.current = false;
      setAssigning(null);
      failed(failure);
    }
  }
  async function takeBack(reportId: string) {
    setError(null);
    try {
      await api<unknown>(claimPath(reportId), { method: 'PUT', body: { userId: null } });
      setMessage(t('analyst.assign.taken-back', { ref: referenceOf(reportId) }));
    } catch (failure) {
      failed(failure);
    }
    refresh();
  }
  async function takeNext() {
    setError(null);
    try {
      const { claim } = await api<ClaimResult>(`/api/triage/next?${query}`, { method: 'POST' });
      void navigate(workPathOf(claim));
    } catch (failure) {
      if (isProblem(failure) && failure.status === 404) setMessage(t('analyst.queue.nothing-next'));
      else failed(failure);
    }
  }
  async function loadMore(cursor: string) {
    try {
      const withCursor = new URLSearchParams(query);
      withCursor.set('cursor', cursor);
      const next = await api<QueuePageView>(`/api/triage/queue?${withCursor.toString()}`);
      setMore((current) => ({
        query,
        items: [...(current?.query === query ? current.items : []), ...next.items],
        next: next.next,
      }));
    } catch (failure) {
      failed(failure);
    }
  }

  const extra = more?.query === query ? more : null;
  const firstIds = new Set(page.data?.items.map((item) => item.report.id));
  const items = [...(page.data?.items ?? []), ...(extra?.items.filter((item) => !firstIds.has(item.report.id)) ?? [])];
  const next = extra ? extra.next : (page.data?.next ?? null);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const pollError = page.error ?? counts.error;

  return (
    <>
      <PageHeading>{t('analyst.queue.title')}</PageHeading>
      <DoneMessage />
      <QueueCountsPanel counts={counts.data} />
      <QueueFilterForm
        key={query}
        initial={filters}
        categories={categories}
        onApply={(applied) => setParams(new URLSearchParams(Object.entries(applied).filter(([, v]) => v)))}
      />
      <div className="toolbar">
        {mayClaim && (
          <button type="button" className="primary" onClick={() => void takeNext()}>
            {t('analyst.queue.take-next')}
          </button>
        )}
      </div>
      <div aria-live="polite" className="announce">
        {message && <p role="status">{message}</p>}
      </div>
      {error && <p role="alert">{error}</p>}
      {pollError && <p role="alert">{pollError === 'network' ? t('common.network-error') : pollError}</p>}
      <ScrollBox label={t('analyst.queue.caption')}>
        <table className="reports queue">
          <caption>{t('analyst.queue.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analyst.queue.priority')}</th>
              <th scope="col">{t('reports.received')}</th>
              <th scope="col">{t('reports.category')}</th>
              <th scope="col">{t('reports.channel')}</th>
              <th scope="col">{t('analyst.queue.stage')}</th>
              <th scope="col">{t('reports.countries')}</th>
              <th scope="col">{t('analyst.queue.holder')}</th>
              <th scope="col">{t('analyst.queue.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const { report, claim } = item;
              const mine = claim?.claimedBy === user.id;
              return (
                <tr key={report.id} className={report.urgent ? 'urgent' : undefined} data-report={report.id}>
                  <td>
                    {item.priorityReasons.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="tags">
                        {item.priorityReasons.map((reason) => (
                          <li key={reason} className={`tag reason-${reason}`}>
                            {t(`analyst.reason.${reason}` as MessageKey)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <Link to={`/reports/${report.id}`}>{when.format(new Date(report.receivedAt))}</Link>
                  </td>
                  <td>{t(`category.${report.category}` as MessageKey)}</td>
                  <td>{t(`channel.${report.channel}` as MessageKey)}</td>
                  <td>
                    {t(`analyst.stage.${item.stage}` as MessageKey)}
                    {item.assessment?.review?.decision === 'disagreed' && (
                      <span className="hint">
                        {' '}
                        {t('analyst.queue.disputed-on', { fields: fieldList(t, item.assessment.review.fields) })}
                      </span>
                    )}
                  </td>
                  <td>{report.countries.join(', ') || '—'}</td>
                  <td>
                    <ClaimHolder claim={claim} nameOf={(id) => assignees?.find((assignee) => assignee.id === id)?.name} />
                  </td>
                  <td className="row-actions">
                    {mayClaim && !claim && (
                      <button type="button" className="secondary" onClick={() => void claimReport(report.id)}>
                        {t('analyst.claim.claim')}
                      </button>
                    )}
                    {mayReassign && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('analyst.assign.open-label', { ref: referenceOf(report.id) })}
                        onClick={() => void openAssign({ reportId: report.id, claim })}
                      >
                        {t('analyst.assign.open')}
                      </button>
                    )}
                    {mayReassign && claim && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('analyst.assign.take-back-label', { ref: referenceOf(report.id) })}
                        onClick={() => void takeBack(report.id)}
                      >
                        {t('analyst.assign.take-back')}
                      </button>
                    )}
                    {mine && claim && (
                      <>
                        <Link to={workPathOf(claim)}>{t(`analyst.claim.work-${claim.purpose}` as MessageKey)}</Link>
                        <button type="button" className="secondary" onClick={() => void release(report.id)}>
                          {t('analyst.claim.release')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      {mayReassign && (
        <AssignDialog
          target={assigning}
          assignees={assignees}
          onClose={() => setAssigning(null)}
          onAssigned={(done) => {
            setMessage(done);
            refresh();
          }}
        />
      )}
      {page.data && items.length === 0 && <p>{t('analyst.queue.empty')}</p>}
      {next && (
        <button type="button" className="secondary" onClick={() => void loadMore(next)}>
          {t('reports.more')}
        </button>
      )}
    </>
  );
}
