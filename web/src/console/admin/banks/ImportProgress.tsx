import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { BankImport } from '../types.js';

const pollMilliseconds = 500;
const finished = (entry: BankImport) => entry.status === 'succeeded' || entry.status === 'failed';

/** How far an import is, polled until it ends: bytes read of the file, then records written. */
export function percentOf(entry: BankImport): number {
  if (entry.status === 'succeeded') return 100;
  const { bytesRead, totalBytes, records, applied } = entry.progress;
  const reading = totalBytes > 0 ? bytesRead / totalBytes : 0;
  const writing = records > 0 ? applied / records : 0;
  return Math.floor(entry.progress.phase === 'applying' ? 50 + 50 * writing : 50 * reading);
}

export function ImportProgress({
  bankId,
  started,
  onFinished,
}: {
  bankId: string;
  started: BankImport;
  onFinished(entry: BankImport): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [entry, setEntry] = useState(started);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (finished(entry)) {
      onFinished(entry);
      return;
    }
    const timer = window.setTimeout(() => {
      api<BankImport>(`/api/banks/${bankId}/imports/${entry.id}`).then(setEntry, () => setError(t('common.network-error')));
    }, pollMilliseconds);
    return () => window.clearTimeout(timer);
    // onFinished is the caller's; polling restarts only with a new state of the import.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, bankId, entry, t]);

  const percent = percentOf(entry);
  return (
    <section className="import-progress" aria-labelledby="import-progress-title" data-testid="import-progress">
      <h3 id="import-progress-title">{t('admin.import-progress-title')}</h3>
      <label htmlFor="import-progress-bar">{t(`admin.import-status.${entry.status}` as MessageKey)}</label>
      <progress id="import-progress-bar" max={100} value={percent}>
        {percent}%
      </progress>
      <p role="status" data-testid="import-percent">
        {t('admin.import-percent', { percent, records: entry.progress.records, applied: entry.progress.applied })}
      </p>
      {error && <p role="alert">{error}</p>}
      {entry.status === 'succeeded' && <p>{t('admin.import-counts', { ...entry.counts })}</p>}
      {entry.status === 'failed' && (
        <div role="alert">
          <p>{t('admin.import-failed', { count: entry.errorCount })}</p>
          <ul>
            {entry.errors.map((problem, index) => (
              <li key={index}>
                {problem.line !== null
                  ? t('admin.import-error-line', { line: problem.line })
                  : t('admin.import-error-record', { record: problem.record })}{' '}
                <code>{problem.field}</code> {problem.title}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
