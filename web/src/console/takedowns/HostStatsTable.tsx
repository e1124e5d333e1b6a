import { useI18n } from '../../i18n/index.js';
import type { HostStats } from './types.js';
import { useDuration } from './use-duration.js';

/** Per host: URLs noticed, removed, and the time from the first notice to removal. */
export function HostStatsTable({ hosts }: { hosts: readonly HostStats[] }) {
  const { t } = useI18n();
  const duration = useDuration();
  const seconds = (value: number | null) => (value === null ? '' : duration(value * 1000));
  return (
    <section aria-labelledby="takedown-hosts-title">
      <h2 id="takedown-hosts-title">{t('takedowns.hosts-title')}</h2>
      <div className="table-scroll" role="region" aria-labelledby="takedown-hosts-caption" tabIndex={0}>
        <table className="takedowns" id="takedown-hosts">
          <caption id="takedown-hosts-caption">{t('takedowns.hosts-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('takedowns.col-host')}</th>
              <th scope="col">{t('takedowns.col-urls')}</th>
              <th scope="col">{t('takedowns.col-removed')}</th>
              <th scope="col">{t('takedowns.col-median')}</th>
              <th scope="col">{t('takedowns.col-longest')}</th>
            </tr>
          </thead>
          <tbody>
            {hosts.map((host) => (
              <tr key={host.host}>
                <th scope="row">{host.host}</th>
                <td className="number">{host.urls}</td>
                <td className="number">{host.removed}</td>
                <td>{seconds(host.medianSecondsToRemoval)}</td>
                <td>{seconds(host.maxSecondsToRemoval)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
