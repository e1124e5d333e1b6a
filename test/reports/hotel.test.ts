import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffSession } from '../support/app.js';
import { auditEntries, count, intakeFootprint, sampleReport, startIntake, type Intake } from './support.js';

/** Two hotel chains, each with hotels and keys; one key of the first chain is scoped to one hotel. */
let intake: Intake;
let admin: StaffSession;
let analyst: StaffSession;
const chains: Record<'north' | 'south', { id: string; key: string; keyId: string; hotels: string[] }> = {
  north: { id: '', key: '', keyId: '', hotels: [] },
  south: { id: '', key: '', keyId: '', hotels: [] },
};
let scopedKey: { secret: string; id: string };

const system = { actorType: 'system', actorId: null } as const;

beforeAll(async () => {
  intake = await startIntake();
  admin = await signInAs(intake.t, ['administrator']);
  analyst = await signInAs(intake.t, ['analyst']);
  for (const [name, chain] of Object.entries(chains)) {
    const organisation = await intake.t.vigie.identity.createOrganisation(system, { name: `Hotels ${name}`, kind: 'partner' });
    const key = await intake.t.vigie.identity.createApiKey(system, {
      organisationId: organisation.id,
      name: 'hotels',
      scopes: ['report.submit'],
    });
    Object.assign(chain, { id: organisation.id, key: `Bearer ${key.secret}`, keyId: key.key.id });
  }
  const north = await intake.t.vigie.identity.createApiKey(system, {
    organisationId: chains.north.id,
    name: 'one hotel',
    scopes: ['report.submit'],
  });
  scopedKey = { secret: `Bearer ${north.secret}`, id: north.key.id };
}, 120_000);
afterAll(() => intake?.close());

const addHotel = (body: Record<string, unknown>) =>
  intake.t.vigie.app.inject({ method: 'POST', url: '/api/hotels', headers: admin.headers, payload: body });
const report = (authorization: string, body: Record<string, unknown>, key: string = randomUUID()) =>
  intake.t.vigie.app.inject({
    method: 'POST',
    url: '/api/hotel/reports',
    headers: { authorization, 'idempotency-key': key },
    payload: body,
  });
const hotelReport = (hotelId: string, patch: Record<string, unknown> = {}) => ({
  hotelId,
  indicators: ['adult_with_unrelated_child', 'housekeeping_refused'],
  report: sampleReport({ category: 'exploitation_in_travel_and_tourism', places: undefined, reporter: { role: 'hotel_staff' } }),
  ...patch,
});

describe('hotels of partner chains', () => {
  it('registers hotels under their chain and lists them, business addresses in clear', async () => {
    const hotels = [
      {
        chainId: chains.north.id,
        name: 'Hôtel du Nord Gare',
        country: 'FR',
        subdivision: 'FR-59',
        city: 'Lille',
        address: '1 place Exemple',
      },
      { chainId: chains.north.id, name: 'Hôtel du Nord Port', country: 'FR', city: 'Dunkerque', address: '2 quai Exemple' },
      { chainId: chains.south.id, name: 'Hôtel du Sud', country: 'ES', city: 'Sevilla', address: 'Calle Ejemplo 3' },
    ];
    for (const hotel of hotels) {
      const response = await addHotel(hotel);
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json();
      expect(created).toMatchObject(hotel.subdivision ? hotel : { ...hotel, subdivision: null });
      (hotel.chainId === chains.north.id ? chains.north : chains.south).hotels.push(created.id);
    }
    const list = await intake.t.vigie.app.inject({ method: 'GET', url: `/api/hotels?chainId=${chains.north.id}`, headers: admin.headers });
    expect(list.json().hotels.map((h: { name: string }) => h.name)).toEqual(['Hôtel du Nord Gare', 'Hôtel du Nord Port']);
    expect((await auditEntries(intake.t.vigie.store, 'hotel.add')).length).toBe(3);
  });

  it('refuses a hotel of an unknown chain, or with a subdivision of another country', async () => {
    const unknown = await addHotel({ chainId: randomUUID(), name: 'X', country: 'FR', city: 'Paris', address: '1 rue X' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ pointer: '#/chainId' })]);
    const elsewhere = await addHotel({
      chainId: chains.north.id,
      name: 'X',
      country: 'FR',
      subdivision: 'ES-SE',
      city: 'Paris',
      address: '1 rue X',
    });
    expect(elsewhere.json().errors).toEqual([expect.objectContaining({ pointer: '#/subdivision' })]);
  });

  it('scopes a key to some of its chain’s hotels, and refuses another chain’s hotel in a scope', async () => {
    const put = (apiKeyId: string, body: object) =>
      intake.t.vigie.app.inject({ method: 'PUT', url: `/api/hotel-scopes/${apiKeyId}`, headers: admin.headers, payload: body });
    const foreign = await put(scopedKey.id, { allHotels: false, hotelIds: [chains.north.hotels[0], chains.south.hotels[0]] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ pointer: '#/hotelIds/1' })]);
    const scoped = await put(scopedKey.id, { allHotels: false, hotelIds: [chains.north.hotels[0]] });
    expect(scoped.statusCode, scoped.body).toBe(200);
    expect(scoped.json()).toEqual({
      apiKeyId: scopedKey.id,
      chainId: chains.north.id,
      allHotels: false,
      hotelIds: [chains.north.hotels[0]],
    });
    const whole = await intake.t.vigie.app.inject({
      method: 'GET',
      url: `/api/hotel-scopes/${chains.north.keyId}`,
      headers: admin.headers,
    });
    expect(whole.json()).toMatchObject({ allHotels: true, hotelIds: [] });
    expect((await put(randomUUID(), { allHotels: true })).statusCode).toBe(404);
    const mine = await intake.t.vigie.app.inject({ method: 'GET', url: '/api/hotel/hotels', headers: { authorization: scopedKey.secret } });
    expect(mine.json().hotels.map((h: { id: string }) => h.id)).toEqual([chains.north.hotels[0]]);
  });
});

describe('a report from a hotel', () => {
  it('stores it on the hotel channel with the hotel’s place and the warning signs, shown to staff', async () => {
    const [hotelId] = chains.north.hotels;
    const response = await report(chains.north.key, hotelReport(hotelId!));
    expect(response.statusCode, response.body).toBe(201);
    const { reportId } = response.json();
    const detail = await intake.t.vigie.app.inject({ method: 'GET', url: `/api/reports/${reportId}`, headers: analyst.headers });
    expect(detail.json()).toMatchObject({
      channel: 'hotel',
      countries: ['FR'],
      subdivisions: ['FR-59'],
      hotel: {
        hotelId,
        chainId: chains.north.id,
        name: 'Hôtel du Nord Gare',
        city: 'Lille',
        address: '1 place Exemple',
        indicators: ['adult_with_unrelated_child', 'housekeeping_refused'],
      },
    });
    const personal = await intake.t.vigie.app.inject({
      method: 'GET',
      url: `/api/reports/${reportId}/personal-data`,
      headers: analyst.headers,
    });
    expect(personal.json().report.places).toEqual([{ country: 'FR', subdivision: 'FR-59', city: 'Lille', role: 'incident' }]);
    const [entry] = (await auditEntries(intake.t.vigie.store, 'report.receive')).filter((e) => e.subject_id === reportId);
    expect(entry).toMatchObject({
      detail: { channel: 'hotel', hotelId, indicators: ['adult_with_unrelated_child', 'housekeeping_refused'] },
    });
  });

  it('lets a key scoped to one hotel report for it, and for no other', async () => {
    const [inScope, outOfScope] = chains.north.hotels;
    expect((await report(scopedKey.secret, hotelReport(inScope!))).statusCode).toBe(201);
    const refused = await report(scopedKey.secret, hotelReport(outOfScope!));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toEqual([expect.objectContaining({ pointer: '#/hotelId' })]);
  });

  it('refuses, with one answer, another chain’s hotel and an unknown hotel, and stores nothing', async () => {
    const before = await intakeFootprint(intake.t.vigie.store);
    const hotelsBefore = await count(intake.t.vigie.store, 'report_hotels');
    for (const [key, hotelId] of [
      [chains.south.key, chains.north.hotels[0]!],
      [chains.north.key, chains.south.hotels[0]!],
      [chains.north.key, randomUUID()],
    ] as const) {
      const response = await report(key, hotelReport(hotelId));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ type: 'urn:vigie:problem:forbidden', errors: [{ pointer: '#/hotelId', code: 'invalid' }] });
    }
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(before);
    expect(await count(intake.t.vigie.store, 'report_hotels')).toBe(hotelsBefore);
  });

  it('gives one report for the same idempotency key twice', async () => {
    const key = randomUUID();
    const body = hotelReport(chains.south.hotels[0]!);
    const first = await report(chains.south.key, body, key);
    const again = await report(chains.south.key, body, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await report(chains.south.key, { ...body, indicators: ['other'] }, key)).statusCode).toBe(409);
  });

  it('refuses an unknown warning sign and a report that already has ten places, naming the field', async () => {
    const unknownSign = await report(chains.south.key, hotelReport(chains.south.hotels[0]!, { indicators: ['suspicious_smile'] }));
    expect(unknownSign.statusCode).toBe(400);
    expect(unknownSign.json().errors).toEqual([expect.objectContaining({ pointer: '#/indicators/0' })]);
    const full = hotelReport(chains.south.hotels[0]!, {
      report: sampleReport({ places: Array.from({ length: 10 }, () => ({ country: 'ES' })) }),
    });
    const tooMany = await report(chains.south.key, full);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ pointer: '#/report/places' })]);
  });

  it('publishes the warning signs in French and English', async () => {
    const response = await intake.t.vigie.app.inject({ method: 'GET', url: '/api/hotel/indicators' });
    expect(response.statusCode).toBe(200);
    const { indicators } = response.json();
    expect(indicators.length).toBeGreaterThan(10);
    for (const indicator of indicators) {
      expect(indicator.label.fr).toBeTruthy();
      expect(indicator.label.en).toBeTruthy();
      expect(indicator.label.fr).not.toBe(indicator.label.en);
    }
  });
});
