import { useI18n } from '../../i18n/index.js';
import { useResource } from '../admin/use-resource.js';
import type { DeploymentKey } from './types.js';

/** This deployment's public key, to give to partners' administrators. */
export function OwnKey() {
  const { t } = useI18n();
  const { data, error } = useResource<DeploymentKey>('/api/exchange/key');
  return (
    <section aria-labelledby="own-key-title">
      <h2 id="own-key-title">{t('partners.own-key')}</h2>
      <p>{t('partners.own-key-intro')}</p>
      {error && <p role="alert">{error}</p>}
      {data && (
        <dl className="partner-key">
          <dt>{t('partners.key-id')}</dt>
          <dd>
            <code>{data.keyId}</code>
          </dd>
          <dt>{t('partners.public-key')}</dt>
          <dd>
            <code>{data.publicKey}</code>
          </dd>
        </dl>
      )}
    </section>
  );
}
