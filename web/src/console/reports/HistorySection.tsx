import { useI18n, type MessageKey } from '../../i18n/index.js';
import { en } from '../../i18n/en.js';
import { whoLabel } from '../queue/labels.js';
import { useSignedIn } from '../session-context.js';
import type { HistoryEntry } from './types.js';
import { useLoaded } from './use-loaded.js';

/** The report's history as the audit log holds it, newest first: who did what, and when. */
export function HistorySection({ reportId }: { reportId: string }) {
  const { t, language } = useI18n();
  const { user } = useSignedIn();
  const { data, error } = useLoaded<{ entries: HistoryEntry[] }>(`/api/reports/${encodeURIComponent(reportId)}/history`);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  const actionLabel = (action: string) => {
    const key = `analyst.action.${action}`;
    return key in en ? t(key as MessageKey) : action;
  };
  const actor = (entry: HistoryEntry) =>
    entry.actorType === 'user' ? whoLabel(t, entry.actorId, user.id) : t(`analyst.actor.${entry.actorType}` as MessageKey);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('analyst.history.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {data && (
        <ol className="history" data-testid="history">
          {data.entries.map((entry, index) => (
            <li key={entry.seq ?? `pending-${index}`}>
              <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time> — <strong>{actionLabel(entry.action)}</strong> (
              {actor(entry)})
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
