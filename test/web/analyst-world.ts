import { createVigie, type Vigie } from '../../src/main.js';
import { waitFor } from '../jobs/wait-for.js';
import { imageFile } from '../pdq/media-files.js';
import { contentReport, partnerHeaders, setUpAgencies, submitReport, urgentReport } from '../support/agencies.js';
import { signInAs, type StaffSession } from '../support/app.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { exampleHostNetwork, startRdapServer, type RdapServer } from '../support/rdap-server.js';
import { fixtureGeoDir } from '../support/url-analysis.js';
import { startListeningVigie, type ListeningVigie } from './server.js';

const system = { actorType: 'system', actorId: null } as const;
export const knownMd5 = '7c'.repeat(16);
export const abuseEmail = 'abuse@hebergement.example.net';

/**
 * The analysts' world for the browser tests: a Vigie listening on loopback that keeps media
 * in quarantine, with a worker (URL analysis against a DNS server and an RDAP service on
 * loopback, cross-matching, detection, routing), the French agencies, a hash bank, two
 * analysts, and three reports: an urgent one with a quarantined picture on a French host,
 * one linked to it by the same page, and one whose file matches the bank.
 */
export interface AnalystWorld {
  server: ListeningVigie;
  worker: Vigie;
  partner: Record<string, string>;
  first: StaffSession;
  second: StaffSession;
  reports: { urgent: string; linked: string; known: string };
  close(): Promise<void>;
}

export async function startAnalystWorld(): Promise<AnalystWorld> {
  const dns: DnsServer = await startDnsServer({ 'www.example.org': { A: ['192.0.2.10'] }, 'files.example.net': { A: ['198.51.100.20'] } });
  const rdap: RdapServer = await startRdapServer({
    '192.0.2.10': {
      body: exampleHostNetwork(abuseEmail),
    },
  });
  const server = await startListeningVigie({
    VIGIE_MEDIA_QUARANTINE: 'true',
    VIGIE_DNS_SERVERS: dns.address,
    VIGIE_DNS_TIMEOUT_MS: '3000',
    VIGIE_RDAP_URL: rdap.url,
    VIGIE_RDAP_TIMEOUT_MS: '20000',
    VIGIE_GEO_DIR: fixtureGeoDir,
    VIGIE_JOB_POLL_SECONDS: '0.5',
    VIGIE_HOME_COUNTRY: 'FR',
  });
  const { t } = server;
  const worker = await createVigie(t.config, { store: t.testStore.store, workers: true });
  await setUpAgencies(t);
  const bank = await t.vigie.banks.createBank(system, {
    name: 'Liste connue (exemple)',
    purpose: 'baseline',
    source: 'Hotline of Exampleland',
  });
  await t.vigie.banks.addEntry(system, bank.id, { md5: knownMd5, ageGroup: 'pubescent' });
  const partner = await partnerHeaders(t);
  const form = new FormData();
  form.append('file', new Blob([await imageFile('stripes-300x171x3', 'png')], { type: 'image/png' }), 'capture.png');
  const uploaded = await fetch(`${server.baseUrl}/api/partner/media`, { method: 'POST', headers: partner, body: form });
  if (uploaded.status !== 201) throw new Error(`upload refused: ${uploaded.status} ${await uploaded.text()}`);
  const picture = ((await uploaded.json()) as { uploadId: string }).uploadId;
  const page = 'https://www.example.org/galerie/7';
  const reports = {
    urgent: await submitReport(t, partner, urgentReport({ urls: [page], media: [{ uploadId: picture }] })),
    linked: await submitReport(t, partner, contentReport([`${page}#haut`])),
    known: await submitReport(
      t,
      partner,
      contentReport(['https://files.example.net/album/1.jpg'], { media: [{ hashes: { md5: knownMd5 } }] }),
    ),
  };
  const staffView = async (path: string) =>
    (await t.vigie.app.inject({ method: 'GET', url: path, headers: first.headers })).json() as Record<string, unknown>;
  const first = await signInAs(t, ['analyst']);
  const second = await signInAs(t, ['analyst']);
  await waitFor(
    'the hosting, the links and the detection',
    async () => {
      const hosting = (await staffView(`/api/reports/${reports.urgent}/hosting`)) as { urls?: { addresses: { abuse: unknown }[] }[] };
      const urgent = (await staffView(`/api/reports/${reports.urgent}`)) as { links?: unknown[] };
      const known = (await staffView(`/api/reports/${reports.known}`)) as { knownContent?: boolean };
      return Boolean(hosting.urls?.[0]?.addresses[0]?.abuse) && (urgent.links?.length ?? 0) > 0 && known.knownContent === true;
    },
    180_000,
  );
  return {
    server,
    worker,
    partner,
    first,
    second,
    reports,
    async close() {
      await worker.close();
      await server.close();
      await dns.close();
      await rdap.close();
    },
  };
}
