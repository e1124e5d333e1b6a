import { randomUUID } from 'node:crypto';
import { corpusSuite, type CorpusCase } from './corpus.js';
import { sampleReport } from './support.js';

/** The bad-input corpus of the hotel route, POST /api/hotel/reports, with a key of one chain. */
interface Hotels {
  mine: string;
  otherChains: string;
}

const report = (patch: Record<string, unknown> = {}) => ({ ...sampleReport({ places: undefined }), ...patch });
const body =
  (patch: Record<string, unknown> = {}) =>
  ({ mine }: Hotels) => ({ hotelId: mine, indicators: ['adult_with_unrelated_child'], report: report(), ...patch });
const withReport = (patch: Record<string, unknown>) => body({ report: report(patch) });
const raw = (hotelId: string) => JSON.stringify({ hotelId, report: report() });
const sampleId = '00000000-0000-4000-8000-000000000001';

const cases: CorpusCase<Hotels>[] = [
  // The hotel
  { name: 'no hotel', body: body({ hotelId: undefined }), field: '#/hotelId' },
  { name: 'hotel id that is not a UUID', body: body({ hotelId: 'hotel-42' }), field: '#/hotelId' },
  { name: 'hotel id as a number', body: body({ hotelId: 42 }), field: '#/hotelId' },
  { name: 'hotel id as a list', body: (hotels: Hotels) => ({ ...body()(hotels), hotelId: [hotels.mine] }), field: '#/hotelId' },
  {
    name: 'a hotel of another chain',
    body: (hotels: Hotels) => ({ ...body()(hotels), hotelId: hotels.otherChains }),
    field: '#/hotelId',
    status: 403,
  },
  { name: 'an unknown hotel', body: body({ hotelId: randomUUID() }), field: '#/hotelId', status: 403 },
  // The warning signs
  { name: 'signs as a string', body: body({ indicators: 'adult_with_unrelated_child' }), field: '#/indicators' },
  { name: 'an unknown sign', body: body({ indicators: ['looks_nervous'] }), field: '#/indicators/0' },
  { name: 'a sign twice', body: body({ indicators: ['other', 'other'] }), field: '#/indicators' },
  { name: 'more signs than exist', body: body({ indicators: Array(20).fill('other') }), field: '#/indicators' },
  { name: 'a sign as a number', body: body({ indicators: [1] }), field: '#/indicators/0' },
  // The document
  { name: 'no report', body: body({ report: undefined }), field: '#/report' },
  { name: 'report as a string', body: body({ report: 'something happened' }), field: '#/report' },
  { name: 'unknown member', body: body({ roomNumber: '214' }), field: '#/roomNumber' },
  { name: 'malformed JSON', raw: raw(sampleId).slice(0, 30), field: '#' },
  { name: 'invalid UTF-8', raw: Buffer.concat([Buffer.from('{"hotelId":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]), field: '#' },
  {
    name: 'nested 100,000 deep',
    raw: `{"hotelId":"${sampleId}","report":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    field: '#/report',
  },
  {
    name: 'duplicate hotel id, the last one invalid',
    raw: raw(sampleId).replace('{"hotelId"', '{"hotelId":"x","hotelId"').replace(`"hotelId":"${sampleId}"`, '"hotelId":"nope"'),
    field: '#/hotelId',
  },
  // The report
  { name: 'report without category', body: withReport({ category: undefined }), field: '#/report/category' },
  {
    name: 'report with ten places already',
    body: withReport({ places: Array.from({ length: 10 }, () => ({ country: 'FR' })) }),
    field: '#/report/places',
  },
  { name: 'report with an unknown country', body: withReport({ places: [{ country: 'UK' }] }), field: '#/report/places/0/country' },
  {
    name: 'report with a subdivision of another country',
    body: withReport({ places: [{ country: 'FR', subdivision: 'BE-BRU' }] }),
    field: '#/report/places/0/subdivision',
  },
  { name: 'report with a malformed URL', body: withReport({ urls: ['https//example.org'] }), field: '#/report/urls/0' },
  { name: 'report with a control character', body: withReport({ narrative: 'chambre\u0007214' }), field: '#/report/narrative' },
  {
    name: 'report with a path in a file name',
    body: withReport({ media: [{ hashes: { sha1: 'cd'.repeat(20) }, fileName: '..\\..\\boot.ini' }] }),
    field: '#/report/media/0/fileName',
  },
  {
    name: 'report with 10,000 identifiers',
    body: withReport({ onlineIdentifiers: Array.from({ length: 10_000 }, (_, i) => ({ username: `u${i}` })) }),
    field: '#/report/onlineIdentifiers',
  },
  {
    name: 'report with an unknown reporter role',
    body: withReport({ reporter: { role: 'night_porter' } }),
    field: '#/report/reporter/role',
  },
  { name: 'report with a child aged 40', body: withReport({ children: [{ age: 40 }] }), field: '#/report/children/0/age' },
  {
    name: 'report with a phone in local form',
    body: withReport({ onlineIdentifiers: [{ phone: '06 39 98 00 01' }] }),
    field: '#/report/onlineIdentifiers/0/phone',
  },
  // Content types and headers
  { name: 'no idempotency key', body: body(), withoutKey: true, field: 'header:idempotency-key' },
  { name: 'idempotency key with non-ASCII', body: body(), headers: { 'idempotency-key': 'clé' }, field: 'header:idempotency-key' },
  { name: 'plain text', raw: raw(sampleId), contentType: 'text/plain', field: 'header:content-type', status: 415 },
  { name: 'XML', raw: '<report/>', contentType: 'text/xml', field: 'header:content-type', status: 415 },
  {
    name: 'multipart',
    raw: '--b\r\n\r\nx\r\n--b--',
    contentType: 'multipart/form-data; boundary=b',
    field: 'header:content-type',
    status: 415,
  },
];

corpusSuite<Hotels>({
  title: 'hotel reports',
  url: '/api/hotel/reports',
  sendsKey: true,
  contentType: 'application/json',
  async setup(intake) {
    const system = { actorType: 'system', actorId: null } as const;
    const { identity, reports } = intake.t.vigie;
    const hotelOf = async (chainName: string) => {
      const chain = await identity.createOrganisation(system, { name: chainName, kind: 'partner' });
      const hotel = await reports.addHotel(system, {
        chainId: chain.id,
        name: `${chainName} Centre`,
        country: 'FR',
        city: 'Nice',
        address: '1 avenue Exemple',
      });
      return { chain, hotel };
    };
    const mine = await hotelOf('Chain A');
    const other = await hotelOf('Chain B');
    const { secret } = await identity.createApiKey(system, { organisationId: mine.chain.id, name: 'hotels', scopes: ['report.submit'] });
    return { headers: { authorization: `Bearer ${secret}` }, context: { mine: mine.hotel.id, otherChains: other.hotel.id } };
  },
  cases,
});
