import { fileURLToPath } from 'node:url';

/** The fixture geo dataset: documentation ranges only, in the real files' format (fixtures/geo/README.md). */
export const fixtureGeoDir = fileURLToPath(new URL('../urls/fixtures/geo/', import.meta.url));

/**
 * Settings that keep the URL analysis of a test Vigie on loopback: a DNS server and an
 * RDAP service on a port where nothing listens (every lookup fails at once, recorded as
 * such), the fixture dataset. A test whose workers run never reaches beyond 127.0.0.0/8.
 */
export const offlineUrlAnalysis = {
  VIGIE_DNS_SERVERS: '127.0.0.1:1',
  VIGIE_DNS_TIMEOUT_MS: '500',
  VIGIE_RDAP_URL: 'http://127.0.0.1:1/',
  VIGIE_RDAP_TIMEOUT_MS: '500',
  VIGIE_GEO_DIR: fixtureGeoDir,
} as const;
