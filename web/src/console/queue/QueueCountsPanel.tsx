import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { QueueCounts } from './types.js';
import { stages } from './vocabulary.js';

/** The reports waiting at each stage; a polite live region, so a change is announced without taking the focus. */
export function QueueCountsPanel({ counts }: { counts: QueueCounts | null }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="counts-title" className="queue-counts">
      <h2 id="counts-title">{t('analyst.counts.title')}</h2>
      <div aria-live="polite" data-testid="queue-counts">
        {counts ? (
          <dl>
            {stages.map((stage) => {
              const figures = counts.stages[stage];
              return (
                <div key={stage} data-stage={stage}>
                  <dt>{t(`analyst.stage.${stage}` as MessageKey)}</dt>
                  <dd>
                    <span className="count">{figures.total}</span>{' '}
                    {t('analyst.counts.detail', { urgent: figures.urgent, known: figures.knownContent, claimed: figures.claimed })}
                  </dd>
                </div>
              );
            })}
            <div>
              <dt>{t('analyst.counts.mine')}</dt>
              <dd>
                <span className="count">{counts.mine}</span>
              </dd>
            </div>
          </dl>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </div>
    </section>
  );
}
