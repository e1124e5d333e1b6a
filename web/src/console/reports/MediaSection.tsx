import { useI18n, type MessageKey } from '../../i18n/index.js';
import { useCan } from '../session-context.js';
import { QuarantinedMedia } from './QuarantinedMedia.js';
import type { BankMatch, MediaItem } from './types.js';
import { ScrollBox } from './ScrollBox.js';

function MatchRows({ matches, suppressed }: { matches: readonly BankMatch[]; suppressed: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {matches.map((match) => (
        <tr key={`${match.bankId}-${match.entryId}-${match.kind}`} className={suppressed ? 'suppressed' : undefined}>
          <td>
            {match.bankName}
            {suppressed && <span className="hint"> {t('analyst.media.suppressed')}</span>}
          </td>
          <td>{t(`analyst.hash.${match.kind}` as MessageKey)}</td>
          <td>{match.distance}</td>
          <td>
            {[
              t(`analyst.legal.${match.classification.legalStatus}` as MessageKey),
              match.classification.industryCategory,
              match.classification.ageGroup ? t(`analyst.age.${match.classification.ageGroup}` as MessageKey) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </td>
        </tr>
      ))}
    </>
  );
}

/** The report's media items: hashes, the known-content matches (bank, distance, classification), the quarantined file blurred. */
export function MediaSection({ reportId, media }: { reportId: string; media: readonly MediaItem[] }) {
  const { t } = useI18n();
  const mayView = useCan('report.view-media');
  return (
    <section aria-labelledby="media-title">
      <h2 id="media-title">{t('analyst.media.title')}</h2>
      {media.length === 0 && <p>{t('analyst.media.none')}</p>}
      <ol className="media-items">
        {media.map((item, index) => (
          <li key={item.id}>
            <h3>{t('analyst.media.item', { n: index + 1 })}</h3>
            {item.quarantined && mayView && (
              <QuarantinedMedia reportId={reportId} itemId={item.id} mediaType={item.mediaType} index={index} />
            )}
            <dl className="details hashes">
              <div>
                <dt>{t('analyst.media.type')}</dt>
                <dd>{item.mediaType ?? '—'}</dd>
              </div>
              {(['md5', 'sha1', 'sha256', 'pdq'] as const).map((kind) =>
                item.hashes[kind] ? (
                  <div key={kind}>
                    <dt>{t(`analyst.hash.${kind}` as MessageKey)}</dt>
                    <dd>
                      <code>{item.hashes[kind]}</code>
                    </dd>
                  </div>
                ) : null,
              )}
              {item.pdqQuality !== null && (
                <div>
                  <dt>{t('analyst.media.pdq-quality')}</dt>
                  <dd>{item.pdqQuality}</dd>
                </div>
              )}
            </dl>
            {item.matchedAt === null ? (
              <p className="hint">{t('analyst.media.not-matched-yet')}</p>
            ) : item.matches.length + item.suppressed.length === 0 ? (
              <p>{t('analyst.media.no-match')}</p>
            ) : (
              <ScrollBox label={t('analyst.media.matches', { n: index + 1 })}>
                <table className="reports">
                  <caption>{t('analyst.media.matches', { n: index + 1 })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('analyst.media.bank')}</th>
                      <th scope="col">{t('analyst.media.kind')}</th>
                      <th scope="col">{t('analyst.media.distance')}</th>
                      <th scope="col">{t('analyst.media.classification')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <MatchRows matches={item.matches} suppressed={false} />
                    <MatchRows matches={item.suppressed} suppressed />
                  </tbody>
                </table>
              </ScrollBox>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
