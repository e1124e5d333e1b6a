import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config/index.js';
import { noticeSenderFrom, removalCheckOptionsFrom, removalCheckUserAgent } from './settings.js';

describe('the actions settings', () => {
  it('allow nothing by default, and cap time and size', () => {
    expect(removalCheckOptionsFrom(loadConfig({}))).toEqual({
      allow: [],
      dnsServers: [],
      dnsTimeoutMs: 5000,
      connectTimeoutMs: 5000,
      timeoutMs: 20_000,
      maxBytes: 1024 * 1024,
      maxRedirects: 5,
      userAgent: removalCheckUserAgent,
    });
  });

  it('read VIGIE_FETCH_ALLOW and the shared DNS servers, and stop on a range that is not one', () => {
    const options = removalCheckOptionsFrom(loadConfig({ VIGIE_FETCH_ALLOW: '127.0.0.1/32, ::1', VIGIE_DNS_SERVERS: '127.0.0.1:5353' }));
    expect(options.allow).toEqual([
      { family: 4, base: 0x7f000001n, prefix: 32 },
      { family: 6, base: 1n, prefix: 128 },
    ]);
    expect(options.dnsServers).toEqual(['127.0.0.1:5353']);
    expect(() => removalCheckOptionsFrom(loadConfig({ VIGIE_FETCH_ALLOW: '10.0.0.0/33' }))).toThrow('VIGIE_FETCH_ALLOW');
    expect(() => loadConfig({ VIGIE_FETCH_ALLOW: 'intranet.example.org' })).toThrow('VIGIE_FETCH_ALLOW');
  });

  it('sign notices with the deployment, answered at the sender unless a contact is set', () => {
    const defaults = noticeSenderFrom(loadConfig({ VIGIE_MAIL_FROM: 'Hotline <notices@example.org>' }));
    expect(defaults).toMatchObject({ deploymentName: 'Vigie', deploymentContact: 'notices@example.org' });
    expect(defaults.legalBasis.fr).toContain('2022/2065');
    expect(defaults.legalBasis.en).toContain('2022/2065');
    const set = noticeSenderFrom(
      loadConfig({
        VIGIE_DEPLOYMENT_NAME: 'Point de contact (test)',
        VIGIE_DEPLOYMENT_CONTACT: 'https://contact.example.org/',
        VIGIE_NOTICE_LEGAL_BASIS: JSON.stringify({ fr: 'Base', en: 'Basis' }),
      }),
    );
    expect(set).toEqual({
      deploymentName: 'Point de contact (test)',
      deploymentContact: 'https://contact.example.org/',
      legalBasis: { fr: 'Base', en: 'Basis' },
    });
    expect(() => loadConfig({ VIGIE_NOTICE_LEGAL_BASIS: '{"fr":"Base"}' })).toThrow('VIGIE_NOTICE_LEGAL_BASIS');
  });
});
