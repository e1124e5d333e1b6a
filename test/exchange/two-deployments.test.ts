import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import sodium from 'libsodium-wrappers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes, exchangeFormat, forwardJob, keyIdOf } from '../../src/exchange/index.js';
import type { ReportContent } from '../../src/reports/index.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from '../support/app.js';
import { auditEntries, partnerHeaders, storedReferrals, submitReport } from '../support/agencies.js';
import { sealedColumns } from '../../src/main.js';
import { createFieldCipher, deriveSecret, loadKeyRing, rotateKeys } from '../../src/platform/crypto/index.js';
import { findInRawDatabase } from '../support/raw-database.js';
import { freePort, LossyRelay } from './support.js';

/**
 * Two Vigie deployments on loopback, each with its own database and HTTP server: France (A)
 * forwards a report hosted in Germany to the German hotline's Vigie (B), through a relay that
 * can lose B's answers. Every message crosses real HTTP and is signed with each deployment's
 * Ed25519 key; the jobs' handlers are called as a worker would call them.
 */
const system = { actorType: 'system', actorId: null } as const;
let a: TestVigie;
let b: TestVigie;
let relay: LossyRelay;
let urlA: string;
let urlB: string;
let adminA: StaffSession;
let adminB: StaffSession;
let analystB: StaffSession;
let germanHotline: string;
let frenchHotlineAtB: string;
let reportId: string;
let referralId: string;

const planted = { email: 'alix.temoin@example.org', narrative: 'Le témoin a vu ces images chez un hébergeur allemand.' };
const content: ReportContent = {
  category: 'child_sexual_abuse_material',
  childInImmediateDanger: false,
  language: 'fr',
  narrative: planted.narrative,
  urls: ['https://images.example.net/album/4711', 'https://images.example.net/album/4712'],
  media: [{ hashes: { sha256: 'ab'.repeat(32), md5: 'cd'.repeat(16) }, mediaType: 'image/jpeg' }],
  onlineIdentifiers: [{ platform: 'ExampleChat', username: 'uploader_4711' }],
  reporter: { role: 'member_of_public', contact: { name: 'Alix Témoin', email: planted.email }, consentToContact: true },
};

const post = (base: string, url: string, body: Buffer | string, headers: Record<string, string>) =>
  fetch(`${base}${url}`, { method: 'POST', headers, body });

async function register(admin: StaffSession, at: TestVigie, payload: object) {
  const response = await at.vigie.app.inject({ method: 'POST', url: '/api/exchange/partners', headers: admin.headers, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; keyId: string };
}

async function reportsFromPartner(at: TestVigie, organisationId: string) {
  const { rows } = await sql<{ id: string; channel: string }>`
    select id, channel from reports where organisation_id = ${organisationId}`.execute(at.testStore.store.db);
  return rows;
}

const referralStatus = async () => (await storedReferrals(a, reportId)).find((row) => row.id === referralId)?.status;

beforeAll(async () => {
  const [portA, portB, portRelay] = [await freePort(), await freePort(), await freePort()];
  urlA = `http://127.0.0.1:${portA}`;
  urlB = `http://127.0.0.1:${portB}`;
  a = await createTestVigie({ VIGIE_EXCHANGE_ALLOW_HTTP: `http://127.0.0.1:${portRelay}` });
  b = await createTestVigie({ VIGIE_EXCHANGE_ALLOW_HTTP: urlA, VIGIE_ASSESSMENT_CONFIRMATION: 'off', VIGIE_HOME_COUNTRY: 'DE' });
  await a.vigie.app.listen({ host: '127.0.0.1', port: portA });
  await b.vigie.app.listen({ host: '127.0.0.1', port: portB });
  relay = new LossyRelay(portRelay, urlB);
  await relay.listen();

  adminA = await signInAs(a, ['administrator']);
  adminB = await signInAs(b, ['administrator']);
  analystB = await signInAs(b, ['analyst']);
  germanHotline = (await a.vigie.identity.createOrganisation(system, { name: 'Beispiel-Meldestelle', kind: 'hotline', country: 'DE' })).id;
  frenchHotlineAtB = (
    await b.vigie.identity.createOrganisation(system, { name: 'Association Point de Contact (exemple)', kind: 'hotline', country: 'FR' })
  ).id;

  // Each administrator registers the other deployment with the key it publishes.
  const keyOf = async (base: string) => (await (await fetch(`${base}/api/exchange/key`)).json()) as { publicKey: string; keyId: string };
  await register(adminA, a, {
    name: 'Vigie DE',
    baseUrl: `http://127.0.0.1:${portRelay}/`,
    publicKey: (await keyOf(urlB)).publicKey,
    organisationId: germanHotline,
  });
  await register(adminB, b, {
    name: 'Vigie FR',
    baseUrl: urlA,
    publicKey: (await keyOf(urlA)).publicKey,
    organisationId: frenchHotlineAtB,
  });

  reportId = await submitReport(a, await partnerHeaders(a), content);
  const planned = await a.vigie.referrals.planReferrals([
    { ruleId: 'hosted-abroad', target: { hostingPartner: 'DE', otherwise: 'interpol_liaison' }, countries: ['DE'], itemIds: [] },
  ]);
  const outcome = await a.vigie.referrals.recordRouting({
    reportId,
    urgent: false,
    trigger: 'assessed',
    ruleVersion: 1,
    firedRules: ['hosted-abroad'],
    referrals: planned,
    jobId: randomUUID(),
    hostingComplete: true,
  });
  referralId = outcome.created[0]!;
}, 180_000);

afterAll(async () => {
  await relay?.close();
  await a?.close();
  await b?.close();
});

describe('forwarding a report to a partner deployment', () => {
  it('enqueues the forwarding in the transaction that makes the partner_hotline referral', async () => {
    const referral = (await storedReferrals(a, reportId)).find((row) => row.id === referralId);
    expect(referral).toMatchObject({ kind: 'partner_hotline', organisation_id: germanHotline, status: 'sent' });
    const { rows } = await sql<{ data: { referralId: string } }>`select data from jobs.job where name = ${forwardJob}`.execute(
      a.testStore.store.db,
    );
    expect(rows.map((row) => row.data.referralId)).toEqual([referralId]);
  });

  it('imports the report once although the first acknowledgement is lost, and marks the referral received', async () => {
    relay.dropAnswers = 1;
    await expect(a.vigie.exchange.forwardReferral(referralId)).rejects.toThrow(/no-answer|answer-cut/);
    // B did the work: the report is there, but A never heard of it.
    expect(await reportsFromPartner(b, frenchHotlineAtB)).toHaveLength(1);
    expect(await referralStatus()).toBe('sent');

    expect(await a.vigie.exchange.forwardReferral(referralId)).toBe('acknowledged');
    expect(relay.relayed).toBe(2);
    const imported = await reportsFromPartner(b, frenchHotlineAtB);
    expect(imported).toEqual([{ id: expect.any(String), channel: 'partner_api' }]);
    expect(await referralStatus()).toBe('received');
    expect(await a.vigie.exchange.forwardReferral(referralId)).toBe('already');
    expect(relay.relayed).toBe(2);
    expect(await auditEntries(b, 'exchange.import')).toHaveLength(1);
  });

  it('shares the URLs and hashes, and withholds the reporter, the narrative and the identifiers', async () => {
    const [imported] = await reportsFromPartner(b, frenchHotlineAtB);
    const response = await b.vigie.app.inject({
      method: 'GET',
      url: `/api/reports/${imported!.id}/personal-data`,
      headers: analystB.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json().report as Record<string, unknown>;
    expect(report).toMatchObject({ category: 'child_sexual_abuse_material', urls: content.urls, media: content.media, language: 'fr' });
    for (const withheld of ['narrative', 'reporter', 'onlineIdentifiers', 'places', 'children', 'reportedPersons']) {
      expect(report[withheld], withheld).toBeUndefined();
    }
    expect(await findInRawDatabase(b.testStore.store, planted.email)).toEqual([]);
    expect(await findInRawDatabase(b.testStore.store, 'uploader_4711')).toEqual([]);
    // At A the payload kept between attempts is sealed: its URLs are not in clear anywhere.
    expect(await findInRawDatabase(a.testStore.store, 'album/4711')).toEqual([]);
  });
});

describe('refusing messages', () => {
  let captured: { body: Buffer; headers: Record<string, string> };
  /** The problem's invalid fields, without their translated detail. */
  const problemOf = async (response: Response) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as { type: string; errors?: { detail: string }[] };
    return { type: body.type, fields: (body.errors ?? []).map(({ detail: _detail, ...field }) => field) };
  };

  beforeAll(() => {
    captured = relay.last!;
  });

  it('answers the exact message again with the same acknowledgement, and imports nothing', async () => {
    const response = await post(urlB, '/api/exchange/messages', captured.body, captured.headers);
    expect(response.status).toBe(200);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(await reportsFromPartner(b, frenchHotlineAtB)).toHaveLength(1);
  });

  it('refuses a tampered body, naming the signature', async () => {
    const tampered = Buffer.from(captured.body.toString('utf8').replace('album/4711', 'album/9999'));
    expect(tampered.equals(captured.body)).toBe(false);
    const response = await post(urlB, '/api/exchange/messages', tampered, captured.headers);
    expect(response.status).toBe(401);
    const problem = await problemOf(response);
    expect(problem.type).toBe('urn:vigie:problem:unauthenticated');
    expect(problem.fields).toEqual([{ in: 'header', parameter: 'vigie-exchange-signature', code: 'invalid' }]);
    expect(await reportsFromPartner(b, frenchHotlineAtB)).toHaveLength(1);
  });

  it('refuses a signature made with another key, an unknown key and a message without them', async () => {
    await sodium.ready;
    const stranger = sodium.crypto_sign_keypair();
    const forged = Buffer.from(sodium.crypto_sign_detached(captured.body, stranger.privateKey)).toString('base64');
    const wrongSignature = await post(urlB, '/api/exchange/messages', captured.body, {
      ...captured.headers,
      'vigie-exchange-signature': forged,
    });
    expect(wrongSignature.status).toBe(401);
    expect((await problemOf(wrongSignature)).fields).toEqual([{ in: 'header', parameter: 'vigie-exchange-signature', code: 'invalid' }]);

    const unknown = await post(urlB, '/api/exchange/messages', captured.body, {
      ...captured.headers,
      'vigie-exchange-key': keyIdOf(stranger.publicKey),
      'vigie-exchange-signature': forged,
    });
    expect(unknown.status).toBe(401);
    expect((await problemOf(unknown)).fields).toEqual([{ in: 'header', parameter: 'vigie-exchange-key', code: 'invalid' }]);

    const bare = await post(urlB, '/api/exchange/messages', captured.body, { 'content-type': 'application/json' });
    expect(bare.status).toBe(401);
    expect((await problemOf(bare)).fields.map((field) => (field as { parameter?: string }).parameter).sort()).toEqual([
      'vigie-exchange-key',
      'vigie-exchange-signature',
    ]);
    expect(await reportsFromPartner(b, frenchHotlineAtB)).toHaveLength(1);
  });

  describe('from a partner whose key the test holds', () => {
    let pair: { publicKey: Uint8Array; privateKey: Uint8Array };
    let keyId: string;
    let recipient: string;
    let thirdHotline: string;
    const signed = (message: object) => {
      const bytes = canonicalBytes(message);
      const signature = Buffer.from(sodium.crypto_sign_detached(bytes, pair.privateKey)).toString('base64');
      return post(urlB, '/api/exchange/messages', bytes, {
        'content-type': 'application/json',
        'vigie-exchange-key': keyId,
        'vigie-exchange-signature': signature,
      });
    };
    const message = (overrides: object = {}) => ({
      format: exchangeFormat,
      id: randomUUID(),
      type: 'report',
      sender: keyId,
      recipient,
      sentAt: new Date().toISOString(),
      payload: {
        referralId: randomUUID(),
        report: { category: 'other', childInImmediateDanger: false, urls: ['https://files.example.com/x'] },
      },
      ...overrides,
    });

    beforeAll(async () => {
      await sodium.ready;
      pair = sodium.crypto_sign_keypair();
      keyId = keyIdOf(pair.publicKey);
      recipient = ((await (await fetch(`${urlB}/api/exchange/key`)).json()) as { keyId: string }).keyId;
      thirdHotline = (await b.vigie.identity.createOrganisation(system, { name: 'Hotline (example)', kind: 'hotline', country: 'NL' })).id;
      await register(adminB, b, {
        name: 'Vigie NL',
        baseUrl: 'https://vigie.example.org',
        publicKey: Buffer.from(pair.publicKey).toString('base64'),
        organisationId: thirdHotline,
      });
    });

    it('refuses a message sent outside the replay window, naming sentAt', async () => {
      const response = await signed(message({ sentAt: new Date(Date.now() - 10 * 60_000).toISOString() }));
      expect(response.status).toBe(401);
      expect((await problemOf(response)).fields).toEqual([{ in: 'body', pointer: '#/sentAt', code: 'range' }]);
    });

    it('refuses a report that carries what the exchange schema leaves out, naming it', async () => {
      const withReporter = message();
      (withReporter.payload.report as Record<string, unknown>).reporter = {
        contact: { email: 'someone@example.org' },
        consentToContact: true,
      };
      const response = await signed(withReporter);
      expect(response.status).toBe(400);
      expect((await problemOf(response)).fields).toContainEqual({ in: 'body', pointer: '#/payload/report/reporter', code: 'unknown' });
    });

    it('refuses a message addressed to another deployment, naming the recipient', async () => {
      const response = await signed(message({ recipient: keyId }));
      expect(response.status).toBe(400);
      expect((await problemOf(response)).fields).toEqual([{ in: 'body', pointer: '#/recipient', code: 'invalid' }]);
      expect(await reportsFromPartner(b, thirdHotline)).toHaveLength(0);
    });

    it('imports a well-signed report of this partner for its own organisation', async () => {
      const response = await signed(message());
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await reportsFromPartner(b, thirdHotline)).toHaveLength(1);
    });
  });
});

describe('statuses back to the sender', () => {
  let importedId: string;

  const sendBack = async () => {
    expect(await b.vigie.exchange.syncStatuses()).toBe(1);
    const { rows } = await sql<{ id: string }>`select id from exchange_outbox where delivered_at is null`.execute(b.testStore.store.db);
    expect(rows).toHaveLength(1);
    expect(await b.vigie.exchange.deliverStatus(rows[0]!.id)).toBe('delivered');
    return rows[0]!.id;
  };

  beforeAll(async () => {
    importedId = (await reportsFromPartner(b, frenchHotlineAtB))[0]!.id;
  });

  it('sends nothing while nothing moved', async () => {
    expect(await b.vigie.exchange.syncStatuses()).toBe(0);
  });

  it('moves the referral to accepted once the partner has assessed the report', async () => {
    const claim = await b.vigie.app.inject({ method: 'POST', url: `/api/triage/reports/${importedId}/claim`, headers: analystB.headers });
    expect(claim.statusCode, claim.body).toBe(200);
    const assessment = await b.vigie.app.inject({
      method: 'POST',
      url: `/api/triage/reports/${importedId}/assessment`,
      headers: analystB.headers,
      payload: { legalStatus: 'baseline', category: 'child_sexual_abuse_material', ageGroup: 'prepubescent', imageryClass: 'A1' },
    });
    expect(assessment.statusCode, assessment.body).toBeLessThan(300);
    await sendBack();
    expect(await referralStatus()).toBe('accepted');
  });

  it('moves it to done, content removed, once the partner had the content taken down; a status delivered twice applies once', async () => {
    const [notice] = await b.vigie.referrals.planReferrals([
      {
        ruleId: 'notice-host',
        target: {
          notice: {
            key: 'abuse@hosting.example.com',
            handle: null,
            name: null,
            emails: ['abuse@hosting.example.com'],
            network: null,
            asn: null,
            hosts: ['images.example.net'],
          },
        },
        countries: ['DE'],
        itemIds: [],
      },
    ]);
    const made = await b.vigie.referrals.recordRouting({
      reportId: importedId,
      urgent: false,
      trigger: 'assessed',
      ruleVersion: 1,
      firedRules: ['notice-host'],
      referrals: [notice!],
      jobId: randomUUID(),
      hostingComplete: true,
    });
    const noticeId = made.created[0]!;
    await b.testStore.store.db.transaction().execute(async (trx) => {
      await b.vigie.referrals.changeStatusIn(trx, system, noticeId, { status: 'sent' });
      await b.vigie.referrals.changeStatusIn(trx, system, noticeId, { status: 'done', outcome: 'content_removed' });
    });
    const messageId = await sendBack();
    expect(await referralStatus()).toBe('done');
    const events = async () =>
      (
        await sql<{ status: string; outcome: string | null }>`
          select status, outcome from referral_events where referral_id = ${referralId} order by at, status`.execute(a.testStore.store.db)
      ).rows;
    const history = await events();
    // Events of one transaction may share their time: compared as a set, each once.
    expect(history.map((event) => event.status).sort()).toEqual(['accepted', 'done', 'received', 'sent']);
    expect(history.find((event) => event.status === 'done')?.outcome).toBe('content_removed');

    // B's mark of the delivery is lost: the job runs again, A changes nothing more.
    await sql`update exchange_outbox set delivered_at = null where id = ${messageId}`.execute(b.testStore.store.db);
    expect(await b.vigie.exchange.deliverStatus(messageId)).toBe('delivered');
    expect(await events()).toEqual(history);
    expect(await auditEntries(a, 'exchange.status')).toHaveLength(2);
    expect(await b.vigie.exchange.syncStatuses()).toBe(0);
  });
});

describe('no ping-pong', () => {
  it('never forwards a report back to the partner it came from', async () => {
    const [imported] = await reportsFromPartner(b, frenchHotlineAtB);
    const planned = await b.vigie.referrals.planReferrals([
      { ruleId: 'hosted-abroad', target: { hostingPartner: 'FR', otherwise: 'interpol_liaison' }, countries: ['FR'], itemIds: [] },
    ]);
    expect(planned[0]).toMatchObject({ kind: 'partner_hotline', organisationId: frenchHotlineAtB });
    const outcome = await b.vigie.referrals.recordRouting({
      reportId: imported!.id,
      urgent: false,
      trigger: 'assessed',
      ruleVersion: 1,
      firedRules: ['hosted-abroad'],
      referrals: planned,
      jobId: randomUUID(),
      hostingComplete: true,
    });
    expect(outcome.created).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from exchange_forwards`.execute(b.testStore.store.db);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('key rotation', () => {
  it('re-seals the kept shared report and keeps the signing key', async () => {
    const ring = await loadKeyRing({ keyFile: a.config.keyFile });
    const rotated = await rotateKeys({ db: a.testStore.store.db, ring, columns: sealedColumns });
    expect(rotated.columns.find((column) => column.table === 'exchange_forwards')?.resealed).toBe(1);
    const cipher = await createFieldCipher(rotated.ring);
    const { rows } = await sql<{ referral_id: string; payload_sealed: string }>`
      select referral_id, payload_sealed from exchange_forwards`.execute(a.testStore.store.db);
    expect(cipher.keyIdOf(rows[0]!.payload_sealed)).toBe(rotated.keyId);
    const shared = JSON.parse(cipher.open(rows[0]!.payload_sealed, `exchange_forwards.payload_sealed:${rows[0]!.referral_id}`)) as {
      urls: string[];
    };
    expect(shared.urls).toEqual(content.urls);
    // The signing key derives from the index key, which a rotation keeps: partners need not register again.
    expect(deriveSecret(rotated.ring, 'vigie/exchange-signing/v1')).toEqual(deriveSecret(ring, 'vigie/exchange-signing/v1'));
  });
});
