import { sql } from 'kysely';
import { createVigie, type Vigie } from '../../src/main.js';
import { partnerHeaders, setUpAgencies, type Agencies } from './agencies.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from './app.js';
import { startDnsServer, type DnsServer, type Zone } from './dns-server.js';
import { exampleHostNetwork, startRdapServer, type RdapServer } from './rdap-server.js';
import { fixtureGeoDir } from './url-analysis.js';

/**
 * A Vigie whose reports go all the way to routing: a DNS server (the zone given) and an RDAP
 * service on loopback, where 192.0.2.0/24 is a French host with its abuse contact; the fixture
 * dataset; French rules; a job worker on the same database; the agencies, a partner's API
 * headers, two analysts and a senior analyst.
 */
export interface RoutingWorld {
  t: TestVigie;
  worker: Vigie;
  agencies: Agencies;
  partner: Record<string, string>;
  analysts: [StaffSession, StaffSession];
  senior: StaffSession;
  close(): Promise<void>;
}

export async function startRoutingWorld(zone: Zone): Promise<RoutingWorld> {
  let dns: DnsServer | undefined;
  let rdap: RdapServer | undefined;
  let t: TestVigie | undefined;
  let worker: Vigie | undefined;
  const close = async () => {
    await worker?.close();
    await t?.close();
    await dns?.close();
    await rdap?.close();
  };
  try {
    dns = await startDnsServer(zone);
    rdap = await startRdapServer({
      '192.0.2.10': {
        body: exampleHostNetwork(),
      },
    });
    t = await createTestVigie({
      VIGIE_DNS_SERVERS: dns.address,
      VIGIE_DNS_TIMEOUT_MS: '3000',
      VIGIE_RDAP_URL: rdap.url,
      VIGIE_RDAP_TIMEOUT_MS: '20000',
      VIGIE_GEO_DIR: fixtureGeoDir,
      VIGIE_JOB_POLL_SECONDS: '0.5',
      VIGIE_HOME_COUNTRY: 'FR',
    });
    worker = await createVigie(t.config, { store: t.testStore.store, workers: true });
    const agencies = await setUpAgencies(t);
    const partner = await partnerHeaders(t);
    const analysts: [StaffSession, StaffSession] = [await signInAs(t, ['analyst']), await signInAs(t, ['analyst'])];
    const senior = await signInAs(t, ['senior_analyst']);
    return { t, worker, agencies, partner, analysts, senior, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** How many URL analyses a report has (one once its URLs were analysed). */
export async function urlAnalysisCount(t: TestVigie, reportId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from url_analyses where report_id = ${reportId}`.execute(
    t.testStore.store.db,
  );
  return rows[0]!.n;
}
