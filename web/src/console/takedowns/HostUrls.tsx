import { useI18n } from '../../i18n/index.js';
import type { TakedownNotice, TakedownUrl, UrlState } from './types.js';
import { useDuration } from './use-duration.js';

const symbols: Record<UrlState, string> = { online: '●', unreachable: '?', unchecked: '○', confirming: '◐', removed: '✓' };

function StopButton({ notice, url, onStop }: { notice: TakedownNotice; url: string; onStop: (referralId: string, stop: boolean) => void }) {
  const { t } = useI18n();
  if (notice.state !== 'active' && notice.state !== 'stopped') return null;
  const stop = notice.state === 'active';
  return (
    <button
      type="button"
      className="secondary"
      aria-label={t(stop ? 'takedowns.stop-label' : 'takedowns.resume-label', { url })}
      onClick={() => onStop(notice.referralId, stop)}
    >
      {t(stop ? 'takedowns.stop' : 'takedowns.resume')}
    </button>
  );
}

/** One host's URLs, still served first: where each one's removal stands, and its notice. */
export function HostUrls({
  host,
  urls,
  notices,
  now,
  canStop,
  onStop,
  mailMissing,
}: {
  host: string;
  urls: readonly TakedownUrl[];
  notices: ReadonlyMap<string, TakedownNotice>;
  now: number;
  canStop: boolean;
  onStop: (referralId: string, stop: boolean) => void;
  /** No mail server: an active notice never sent is waiting for one, not being sent. */
  mailMissing: boolean;
}) {
  const { t, language } = useI18n();
  const duration = useDuration();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const count = (states: readonly UrlState[]) => urls.filter((url) => states.includes(url.state)).length;
  const headingId = `host-${host.replace(/[^a-z0-9-]/g, '-')}`;
  return (
    <section className="takedown-host" aria-labelledby={headingId} data-host={host}>
      <h2 id={headingId}>
        {host}{' '}
        <span className="count">
          {t('takedowns.host-summary', {
            online: count(['online']),
            removed: count(['removed']),
            other: count(['unreachable', 'unchecked', 'confirming']),
          })}
        </span>
      </h2>
      <div className="table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
        <table className="takedowns">
          <caption id={`${headingId}-caption`}>{t('takedowns.host-caption', { host })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('takedowns.col-url')}</th>
              <th scope="col">{t('takedowns.col-url-state')}</th>
              <th scope="col">{t('takedowns.col-notice')}</th>
              <th scope="col">{t('takedowns.col-first')}</th>
              <th scope="col">{t('takedowns.col-renotices')}</th>
              <th scope="col">{t('takedowns.col-check')}</th>
              <th scope="col">{t('takedowns.col-removal')}</th>
              {canStop && <th scope="col">{t('takedowns.col-action')}</th>}
            </tr>
          </thead>
          <tbody>
            {urls.map((url) => {
              const notice = notices.get(url.referralId);
              return (
                <tr key={url.id} data-url-state={url.state} data-referral={url.referralId}>
                  <th scope="row" className="takedown-url">
                    <code>{url.url}</code>
                  </th>
                  <td>
                    <span className={`url-state url-state-${url.state}`}>
                      <span aria-hidden="true">{symbols[url.state]} </span>
                      {t(`takedowns.url-state.${url.state}`)}
                    </span>
                  </td>
                  <td>
                    {notice ? (
                      <>
                        {notice.state === 'active' && notice.attempts === 0 && mailMissing
                          ? t('takedowns.state.waiting-mail')
                          : t(`takedowns.state.${notice.state}`)}
                        <span className="detail">
                          {notice.recipients.length > 0
                            ? t('takedowns.to', { recipients: notice.recipients.join(', ') })
                            : t('takedowns.contact.none')}{' '}
                          ({t(`takedowns.contact.${notice.contactSource}`)})
                        </span>
                        {notice.nextNoticeAt && (
                          <span className="detail">{t('takedowns.next', { date: when.format(new Date(notice.nextNoticeAt)) })}</span>
                        )}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {notice?.firstNoticedAt ? (
                      <>
                        {t('takedowns.ago', { duration: duration(now - Date.parse(notice.firstNoticedAt)) })}
                        <span className="detail">{when.format(new Date(notice.firstNoticedAt))}</span>
                      </>
                    ) : (
                      t(notice?.state === 'removed' ? 'takedowns.gone-before-notice' : 'takedowns.not-sent')
                    )}
                  </td>
                  <td className="number">{notice ? Math.max(0, notice.attempts - 1) : ''}</td>
                  <td>
                    {url.lastCheckedAt ? (
                      <>
                        {url.lastStatus !== null ? t('takedowns.check-status', { status: url.lastStatus }) : t('takedowns.no-status')}
                        <span className="detail">{when.format(new Date(url.lastCheckedAt))}</span>
                      </>
                    ) : (
                      t('takedowns.never-checked')
                    )}
                  </td>
                  <td>{url.secondsToRemoval !== null ? duration(url.secondsToRemoval * 1000) : ''}</td>
                  {canStop && <td>{notice && <StopButton notice={notice} url={url.url} onStop={onStop} />}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
