import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { auditEntries, count, intakeFootprint, jobsNamed, startIntake, type Intake } from './support.js';
import { ncmecXml } from './ncmec-sample.js';

let intake: Intake;
let analyst: StaffSession;

beforeAll(async () => {
  intake = await startIntake();
  analyst = await signInAs(intake.t, ['analyst']);
}, 120_000);
afterAll(() => intake?.close());

const post = (xml: string | Buffer, key: string = randomUUID(), contentType = 'application/xml') =>
  intake.t.vigie.app.inject({
    method: 'POST',
    url: '/api/partner/reports/ncmec',
    headers: { ...intake.partner, 'idempotency-key': key, 'content-type': contentType },
    payload: xml,
  });

describe('NCMEC CyberTipline XML intake', () => {
  it('maps the report into report v1, stores it on the partner_xml channel, audits it and follows it up', async () => {
    const response = await post(ncmecXml());
    expect(response.statusCode, response.body).toBe(201);
    const { reportId, receivedAt } = response.json();
    const personal = await intake.t.vigie.app.inject({
      method: 'GET',
      url: `/api/reports/${reportId}/personal-data`,
      headers: analyst.headers,
    });
    const report = personal.json().report;
    expect(report).toMatchObject({
      format: 'vigie.report/1',
      id: reportId,
      channel: 'partner_xml',
      receivedAt,
      category: 'sextortion',
      childInImmediateDanger: true,
      occurredAt: '2025-02-10T21:30:00Z',
      urls: ['https://social.example.org/u/fox', 'https://files.example.net/a.jpg'],
      onlineIdentifiers: [{ email: 'fox.sender@example.org' }, { phone: '+33639980031' }],
      media: [
        {
          hashes: { md5: '0123456789abcdef0123456789abcdef', sha1: 'cd'.repeat(20) },
          fileName: 'capture.jpg',
          url: 'https://files.example.net/a.jpg',
        },
      ],
      places: [
        { country: 'FR', city: 'Lyon', role: 'incident' },
        { country: 'FR', city: 'Lyon', role: 'reported_person' },
      ],
      children: [{ name: 'Lou', age: 13, presumedMinor: true }],
      reportedPersons: [
        {
          name: 'Renard',
          age: 34,
          aliases: ['Foxy'],
          onlineIdentifiers: [
            { platform: 'ExampleChat', username: 'fox_1999' },
            { profileUrl: 'https://social.example.org/u/fox' },
            { email: 'renard.fox@example.org' },
          ],
        },
      ],
      reporter: {
        role: 'internet_company',
        contact: { name: 'Dana Exemple', email: 'trust.safety@example.net', phone: '+15555550100' },
        consentToContact: true,
      },
    });
    // What has no field of its own is kept, labelled, in the sealed texts.
    expect(report.narrative).toContain('escalateToHighPriority: The child says a meeting is planned tonight');
    expect(report.narrative).toContain('chatImIncident chatRoomName: room-42');
    expect(report.narrative).toContain('peer2peerIncident ipCaptureEvent ipAddress: 203.0.113.9');
    expect(report.narrative).toContain('intendedRecipient screenName: lou_cat');
    expect(report.narrative).toContain("additionalInfo: Reported by the child's parent through our app");
    expect(report.narrative).not.toContain('Legal process');
    expect(report.reportedPersons[0].description).toContain('ipCaptureEvent ipAddress: 198.51.100.7');
    expect(report.reportedPersons[0].description).toContain('estimatedLocation region: Auvergne-Rhône-Alpes');
    expect(report.children[0].description).toContain('schoolName: Collège Exemple');

    const detail = await intake.t.vigie.app.inject({ method: 'GET', url: `/api/reports/${reportId}`, headers: analyst.headers });
    expect(detail.json()).toMatchObject({
      channel: 'partner_xml',
      ncmec: { incidentTypes: ['Online Enticement of Children for Sexual Acts'] },
    });
    const [entry] = (await auditEntries(intake.t.vigie.store, 'report.receive')).filter((e) => e.subject_id === reportId);
    expect(entry).toMatchObject({ actor_type: 'api_key', detail: { channel: 'partner_xml', category: 'sextortion', urgent: true } });
    const jobs = await jobsNamed(intake.t.vigie.store, 'report.cross-match');
    expect(jobs.some((job) => (job.data as { reportIds: string[] }).reportIds.includes(reportId))).toBe(true);
  });

  it('takes text/xml and the spelling without the final s, and the smallest report', async () => {
    const xml = `<report><incidentSummary><incidentType>Online Enticement of Children for Sexual Act</incidentType></incidentSummary></report>`;
    const response = await post(xml, randomUUID(), 'text/xml; charset=utf-8');
    expect(response.statusCode, response.body).toBe(201);
    const personal = await intake.t.vigie.app.inject({
      method: 'GET',
      url: `/api/reports/${response.json().reportId}/personal-data`,
      headers: analyst.headers,
    });
    expect(personal.json().report).toMatchObject({
      category: 'online_grooming',
      childInImmediateDanger: false,
      reporter: { role: 'internet_company' },
    });
  });

  it('gives one report for the same key twice, even when the layout of the document differs', async () => {
    const key = randomUUID();
    const before = await count(intake.t.vigie.store, 'reports');
    const first = await post(ncmecXml(), key);
    const again = await post(ncmecXml().replace(/\n\s*/g, ''), key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count(intake.t.vigie.store, 'reports')).toBe(before + 1);
    const other = await post(ncmecXml({ additional: '<additionalInfo>Another report</additionalInfo>' }), key);
    expect(other.statusCode).toBe(409);
  });

  it('names the element of a value the format refuses, in the requester’s language', async () => {
    const before = await intakeFootprint(intake.t.vigie.store);
    const xml = ncmecXml({
      internet: `<internetDetails><webPageIncident><url>https://a.example.org/</url><url>javascript:alert(1)</url></webPageIncident></internetDetails>`,
    });
    for (const language of ['fr', 'en']) {
      const response = await intake.t.vigie.app.inject({
        method: 'POST',
        url: '/api/partner/reports/ncmec',
        headers: { ...intake.partner, 'idempotency-key': randomUUID(), 'content-type': 'application/xml', 'accept-language': language },
        payload: xml,
      });
      expect(response.statusCode).toBe(400);
      const problem = response.json();
      expect(problem.errors).toEqual([
        expect.objectContaining({ pointer: '#/report/internetDetails/webPageIncident/url[2]', code: 'format' }),
      ]);
      expect(problem.title).toBe(language === 'fr' ? 'Certains champs ne sont pas valides' : 'Some fields are invalid');
    }
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(before);
  });

  it('answers 413 to a document over the body limit, with a problem, and stores nothing', async () => {
    const before = await intakeFootprint(intake.t.vigie.store);
    const response = await post(ncmecXml({ additional: `<additionalInfo>${'x'.repeat(2 * 1024 * 1024)}</additionalInfo>` }));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(before);
  });
});
