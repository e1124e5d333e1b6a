import { useI18n } from '../../i18n/index.js';
import type { ReportHosting } from './types.js';
import { useLoaded } from './use-loaded.js';
import { ScrollBox } from './ScrollBox.js';

/** Where the report's URLs are hosted: address, country, network and abuse contact, with the data's sources. */
export function HostingSection({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const { data, error } = useLoaded<ReportHosting>(`/api/reports/${encodeURIComponent(reportId)}/hosting`);
  return (
    <section aria-labelledby="hosting-title">
      <h2 id="hosting-title">{t('analyst.hosting.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {data && data.urls.length === 0 && <p>{t('analyst.hosting.none')}</p>}
      {data && data.urls.length > 0 && (
        <ScrollBox label={t('analyst.hosting.caption')}>
          <table className="reports" data-testid="hosting">
            <caption>{t('analyst.hosting.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analyst.hosting.host')}</th>
                <th scope="col">{t('analyst.hosting.address')}</th>
                <th scope="col">{t('report.country')}</th>
                <th scope="col">{t('analyst.hosting.network')}</th>
                <th scope="col">{t('analyst.hosting.abuse')}</th>
              </tr>
            </thead>
            <tbody>
              {data.urls.flatMap((url) =>
                url.addresses.length === 0
                  ? [
                      <tr key={url.itemId}>
                        <th scope="row">{url.host}</th>
                        <td colSpan={4}>{t('analyst.hosting.unresolved', { outcome: url.dns })}</td>
                      </tr>,
                    ]
                  : url.addresses.map((address, index) => (
                      <tr key={`${url.itemId}-${address.address}`}>
                        {index === 0 ? (
                          <th scope="row" rowSpan={url.addresses.length}>
                            {url.host}
                          </th>
                        ) : null}
                        <td>
                          <code>{address.address}</code>
                        </td>
                        <td>{address.country ?? '—'}</td>
                        <td>
                          {[
                            address.asn !== null ? `AS${address.asn}` : null,
                            address.organisation,
                            address.network?.name,
                            address.network?.handle,
                          ]
                            .filter(Boolean)
                            .join(' · ') || '—'}
                        </td>
                        <td>
                          {address.abuse
                            ? [address.abuse.name ?? address.abuse.handle, ...address.abuse.emails].filter(Boolean).join(' · ')
                            : '—'}
                        </td>
                      </tr>
                    )),
              )}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {data && data.attribution.length > 0 && (
        <p className="hint">{t('analyst.hosting.sources', { sources: data.attribution.join(' ; ') })}</p>
      )}
    </section>
  );
}
