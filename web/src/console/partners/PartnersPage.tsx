import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { useResource } from '../admin/use-resource.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { NewPartnerForm } from './NewPartnerForm.js';
import { OwnKey } from './OwnKey.js';
import type { Partner } from './types.js';
import '../admin/admin.css';
import './partners.css';

/** Partner deployments: the foreign hotlines' Vigie this deployment forwards reports to, and its own public key. */
export function PartnersPage() {
  const { t } = useI18n();
  const canRegister = useCan('exchange.manage');
  const { data, error, reload } = useResource<{ partners: Partner[] }>('/api/exchange/partners');
  const [registered, setRegistered] = useState<string | null>(null);
  const partners = data?.partners ?? [];
  return (
    <>
      <PageHeading>{t('partners.title')}</PageHeading>
      <p>{t('partners.intro')}</p>
      {error && <p role="alert">{error}</p>}
      <p role="status">{registered ? t('partners.registered', { name: registered }) : ''}</p>
      <div className="table-scroll" role="region" aria-labelledby="partners-caption" tabIndex={0}>
        <table className="admin">
          <caption id="partners-caption">{t('partners.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partners.name')}</th>
              <th scope="col">{t('partners.organisation')}</th>
              <th scope="col">{t('partners.country')}</th>
              <th scope="col">{t('partners.address')}</th>
              <th scope="col">{t('partners.key-id')}</th>
              <th scope="col">{t('partners.forwarded')}</th>
              <th scope="col">{t('partners.pending')}</th>
              <th scope="col">{t('partners.imported')}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) => (
              <tr key={partner.id}>
                <td>{partner.name}</td>
                <td>{partner.organisationName ?? '—'}</td>
                <td>{partner.country ?? '—'}</td>
                <td>
                  <code>{partner.baseUrl}</code>
                </td>
                <td>
                  <code>{partner.keyId}</code>
                </td>
                <td>{partner.forwarded}</td>
                <td>{partner.pending}</td>
                <td>{partner.imported}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && partners.length === 0 && <p>{t('partners.none')}</p>}
      <OwnKey />
      {canRegister && (
        <NewPartnerForm
          onRegistered={(partner) => {
            setRegistered(partner.name);
            reload();
          }}
        />
      )}
    </>
  );
}
