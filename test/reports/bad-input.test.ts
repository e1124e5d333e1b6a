import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/platform/i18n/index.js';
import { solvedChallengeHeaders } from '../support/challenge.js';
import { inject, intakeFootprint, sampleReport, startIntake, type Intake } from './support.js';

/**
 * The first slice of the bad-input corpus (issue 3, item 7): invalid submissions to every
 * JSON intake route, each of which must be answered 4xx with a problem naming the field, in
 * the requester's language, never 5xx, and leave nothing stored.
 */
type Route = 'partner' | 'batch' | 'public' | 'addition' | 'status';
interface Case {
  name: string;
  route?: Route;
  body?: unknown;
  /** Sent as is instead of `body`. */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Sent without an idempotency key. */
  withoutKey?: true;
  /** `#/pointer` into the body, or `header:<name>`. */
  field: string;
  status?: number;
}

const report = (patch: Record<string, unknown>) => ({ ...sampleReport(), ...patch });
const media = (patch: Record<string, unknown>) => report({ media: [{ hashes: { md5: 'ab'.repeat(16) }, ...patch }] });
const identifier = (value: Record<string, unknown>) => report({ onlineIdentifiers: [value] });
const place = (value: Record<string, unknown>) => report({ places: [value] });
const child = (value: Record<string, unknown>) => report({ children: [value] });
/** Raw JSON of a report with one member nested `depth` arrays deep (JSON.stringify itself would overflow). */
const nested = (member: string, depth: number) => `{"category":"other","${member}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const { category: _category, ...withoutCategory } = sampleReport();
const validReceipt = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG';

const corpus: Case[] = [
  // The document itself
  { name: 'missing category', body: withoutCategory, field: '#/category' },
  { name: 'unknown category', body: report({ category: 'spam' }), field: '#/category' },
  { name: 'category as a number', body: report({ category: 3 }), field: '#/category' },
  { name: 'category as null', body: report({ category: null }), field: '#/category' },
  { name: 'body is an array', body: [sampleReport()], field: '#' },
  { name: 'body is a string', body: 'a report', field: '#' },
  { name: 'body is null', raw: 'null', field: '#' },
  { name: 'body is empty', raw: '', field: '#' },
  { name: 'unknown member', body: report({ surprise: true }), field: '#/surprise' },
  { name: 'member named like a prototype', raw: JSON.stringify(sampleReport()).replace(/^\{/, '{"__proto__":{"admin":true},'), field: '#' },
  { name: 'malformed JSON', raw: '{"category": "other",', field: '#' },
  {
    name: 'duplicate member, the last one invalid (the value checked is the value kept)',
    raw: '{"category":"other","narrative":"x","category":"nope"}',
    field: '#/category',
  },
  {
    name: 'invalid UTF-8',
    raw: Buffer.concat([Buffer.from('{"category":"other","narrative":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    field: '#',
  },
  {
    name: 'overlong UTF-8 encoding of a slash',
    raw: Buffer.concat([Buffer.from('{"category":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
    field: '#',
  },
  { name: 'urgency as the string "true"', body: report({ childInImmediateDanger: 'true' }), field: '#/childInImmediateDanger' },
  { name: 'urgency as 1', body: report({ childInImmediateDanger: 1 }), field: '#/childInImmediateDanger' },
  // Narrative
  { name: 'narrative as a number', body: report({ narrative: 42 }), field: '#/narrative' },
  { name: 'narrative empty', body: report({ narrative: '' }), field: '#/narrative' },
  { name: 'narrative over 20,000 characters', body: report({ narrative: 'é'.repeat(20_001) }), field: '#/narrative' },
  { name: 'narrative with NUL', body: report({ narrative: 'a\u0000b' }), field: '#/narrative' },
  { name: 'narrative with ESC (terminal escape)', body: report({ narrative: 'a\u001b[31mb' }), field: '#/narrative' },
  { name: 'narrative with carriage return', body: report({ narrative: 'a\rb' }), field: '#/narrative' },
  { name: 'narrative with DEL', body: report({ narrative: 'a\u007fb' }), field: '#/narrative' },
  { name: 'narrative with a C1 control', body: report({ narrative: 'a\u0085b' }), field: '#/narrative' },
  {
    name: 'narrative with an unpaired surrogate',
    raw: JSON.stringify(sampleReport()).replace(/"narrative":"/, '"narrative":"\\ud800'),
    field: '#/narrative',
  },
  { name: 'narrative nested 100,000 deep', raw: nested('narrative', 100_000), field: '#/narrative' },
  { name: 'unknown member nested 100,000 deep', raw: nested('extra', 100_000), field: '#/extra' },
  // URLs
  { name: 'urls as a string', body: report({ urls: 'https://a.example.org/' }), field: '#/urls' },
  { name: '101 urls', body: report({ urls: Array.from({ length: 101 }, (_, i) => `https://a.example.org/${i}`) }), field: '#/urls' },
  { name: '10,000 urls', body: report({ urls: Array.from({ length: 10_000 }, (_, i) => `https://a.example.org/${i}`) }), field: '#/urls' },
  {
    name: '10,000 invalid urls',
    body: report({ urls: Array.from({ length: 10_000 }, (_, i) => `nope-${i}`) }),
    field: '#/urls',
  },
  { name: 'url without scheme', body: report({ urls: ['www.example.org/x'] }), field: '#/urls/0' },
  { name: 'javascript: url', body: report({ urls: ['javascript:alert(1)'] }), field: '#/urls/0' },
  { name: 'ftp url', body: report({ urls: ['ftp://files.example.org/x'] }), field: '#/urls/0' },
  { name: 'url without host', body: report({ urls: ['https://'] }), field: '#/urls/0' },
  { name: 'url with a space', body: report({ urls: ['https://exa mple.org/'] }), field: '#/urls/0' },
  { name: 'url over 2048 characters', body: report({ urls: [`https://a.example.org/${'x'.repeat(2030)}`] }), field: '#/urls/0' },
  { name: 'url as a number', body: report({ urls: [42] }), field: '#/urls/0' },
  { name: 'url with a bad port', body: report({ urls: ['https://a.example.org:99999/'] }), field: '#/urls/0' },
  // Media
  { name: 'media without hashes', body: media({ hashes: undefined }), field: '#/media/0/hashes' },
  { name: 'media with no hash', body: media({ hashes: {} }), field: '#/media/0/hashes' },
  { name: 'md5 of the wrong length', body: media({ hashes: { md5: 'abc' } }), field: '#/media/0/hashes/md5' },
  { name: 'sha256 not hexadecimal', body: media({ hashes: { sha256: 'zz'.repeat(32) } }), field: '#/media/0/hashes/sha256' },
  { name: 'unknown hash algorithm', body: media({ hashes: { crc32: 'abcd1234' } }), field: '#/media/0/hashes/crc32' },
  { name: 'pdq too short', body: media({ hashes: { pdq: 'ab'.repeat(16) } }), field: '#/media/0/hashes/pdq' },
  { name: 'pdq quality over 100', body: media({ pdqQuality: 101 }), field: '#/media/0/pdqQuality' },
  { name: 'pdq quality not an integer', body: media({ pdqQuality: 50.5 }), field: '#/media/0/pdqQuality' },
  { name: 'path traversal in a file name', body: media({ fileName: '../../etc/passwd' }), field: '#/media/0/fileName' },
  { name: 'file name ..', body: media({ fileName: '..' }), field: '#/media/0/fileName' },
  { name: 'Windows path in a file name', body: media({ fileName: 'C:\\Users\\x\\a.jpg' }), field: '#/media/0/fileName' },
  { name: 'NUL in a file name', body: media({ fileName: 'a.jpg\u0000.exe' }), field: '#/media/0/fileName' },
  { name: 'media type with parameters', body: media({ mediaType: 'image/jpeg; charset=x' }), field: '#/media/0/mediaType' },
  {
    name: '101 media',
    body: report({ media: Array.from({ length: 101 }, () => ({ hashes: { md5: 'ab'.repeat(16) } })) }),
    field: '#/media',
  },
  // Online identifiers
  { name: 'phone without +', body: identifier({ phone: '0639980001' }), field: '#/onlineIdentifiers/0/phone' },
  { name: 'phone with spaces', body: identifier({ phone: '+33 6 39 98 00 01' }), field: '#/onlineIdentifiers/0/phone' },
  { name: 'phone starting with +0', body: identifier({ phone: '+0639980001' }), field: '#/onlineIdentifiers/0/phone' },
  { name: 'phone of 16 digits', body: identifier({ phone: '+1234567890123456' }), field: '#/onlineIdentifiers/0/phone' },
  { name: 'phone as a number', body: identifier({ phone: 33639980001 }), field: '#/onlineIdentifiers/0/phone' },
  { name: 'malformed e-mail', body: identifier({ email: 'not-an-email' }), field: '#/onlineIdentifiers/0/email' },
  { name: 'identifier with a platform only', body: identifier({ platform: 'ExampleNet' }), field: '#/onlineIdentifiers/0/username' },
  { name: 'empty identifier', body: identifier({}), field: '#/onlineIdentifiers/0/username' },
  { name: 'malformed profile URL', body: identifier({ profileUrl: 'not a url' }), field: '#/onlineIdentifiers/0/profileUrl' },
  { name: 'username with a newline', body: identifier({ username: 'a\nb' }), field: '#/onlineIdentifiers/0/username' },
  // Places
  { name: 'unknown country code', body: place({ country: 'ZZ' }), field: '#/places/0/country' },
  { name: 'country code in lower case', body: place({ country: 'fr' }), field: '#/places/0/country' },
  { name: 'alpha-3 country code', body: place({ country: 'FRA' }), field: '#/places/0/country' },
  { name: 'place without a country', body: place({ city: 'Paris' }), field: '#/places/0/country' },
  { name: 'subdivision without its code', body: place({ country: 'FR', subdivision: 'FR-' }), field: '#/places/0/subdivision' },
  { name: 'subdivision of an unknown country', body: place({ country: 'FR', subdivision: 'QQ-75' }), field: '#/places/0/subdivision' },
  { name: 'subdivision of another country', body: place({ country: 'FR', subdivision: 'DE-BY' }), field: '#/places/0/subdivision' },
  { name: 'city with a newline', body: place({ country: 'FR', city: 'Paris\nLyon' }), field: '#/places/0/city' },
  { name: '11 places', body: report({ places: Array.from({ length: 11 }, () => ({ country: 'FR' })) }), field: '#/places' },
  // Children and persons
  { name: 'negative age', body: child({ age: -1 }), field: '#/children/0/age' },
  { name: 'fractional age', body: child({ age: 3.5 }), field: '#/children/0/age' },
  { name: 'age over 21', body: child({ age: 22 }), field: '#/children/0/age' },
  { name: 'age as a string', body: child({ age: '12' }), field: '#/children/0/age' },
  { name: 'age range upside down', body: child({ ageRange: { min: 15, max: 12 } }), field: '#/children/0/ageRange/min' },
  { name: 'age outside its range', body: child({ age: 9, ageRange: { min: 12, max: 15 } }), field: '#/children/0/age' },
  { name: 'unknown gender', body: child({ gender: 'x' }), field: '#/children/0/gender' },
  { name: 'language that is not a BCP 47 tag', body: child({ languages: ['english'] }), field: '#/children/0/languages/0' },
  { name: 'languages as a string', body: child({ languages: 'fr' }), field: '#/children/0/languages' },
  { name: '21 children', body: report({ children: Array.from({ length: 21 }, () => ({ age: 10 })) }), field: '#/children' },
  { name: 'empty reported person', body: report({ reportedPersons: [{}] }), field: '#/reportedPersons/0' },
  {
    name: 'bad e-mail of a reported person',
    body: report({ reportedPersons: [{ onlineIdentifiers: [{ email: 'x@' }] }] }),
    field: '#/reportedPersons/0/onlineIdentifiers/0/email',
  },
  // Reporter
  {
    name: 'contact details without consent',
    body: report({ reporter: { contact: { phone: '+33639980002' } } }),
    field: '#/reporter/consentToContact',
  },
  {
    name: 'contact details with consent refused',
    body: report({ reporter: { contact: { phone: '+33639980002' }, consentToContact: false } }),
    field: '#/reporter/consentToContact',
  },
  {
    name: 'reporter e-mail malformed',
    body: report({ reporter: { contact: { email: 'a@@b' }, consentToContact: true } }),
    field: '#/reporter/contact/email',
  },
  { name: 'unknown reporter role', body: report({ reporter: { role: 'journalist' } }), field: '#/reporter/role' },
  // Times and language
  { name: 'month 13', body: report({ occurredAt: '2024-13-01' }), field: '#/occurredAt' },
  { name: 'February 30th', body: report({ occurredAt: '2024-02-30' }), field: '#/occurredAt' },
  { name: 'occurred in the future', body: report({ occurredAt: '2999-01-01' }), field: '#/occurredAt' },
  { name: 'occurred "yesterday"', body: report({ occurredAt: 'yesterday' }), field: '#/occurredAt' },
  { name: 'submitted with a date only', body: report({ submittedAt: '2024-01-01' }), field: '#/submittedAt' },
  { name: 'language that is not a tag', body: report({ language: 'français' }), field: '#/language' },
  // Content types and headers
  {
    name: 'content type text/plain',
    raw: JSON.stringify(sampleReport()),
    contentType: 'text/plain',
    field: 'header:content-type',
    status: 415,
  },
  { name: 'content type XML', raw: '<report/>', contentType: 'application/xml', field: 'header:content-type', status: 415 },
  {
    name: 'form-encoded body',
    raw: 'category=other',
    contentType: 'application/x-www-form-urlencoded',
    field: 'header:content-type',
    status: 415,
  },
  {
    name: 'multipart body',
    raw: '--b\r\n\r\nx\r\n--b--',
    contentType: 'multipart/form-data; boundary=b',
    field: 'header:content-type',
    status: 415,
  },
  { name: 'XML labelled as JSON', raw: '<?xml version="1.0"?><report/>', field: '#' },
  {
    name: 'JavaScript content type',
    raw: JSON.stringify(sampleReport()),
    contentType: 'application/javascript',
    field: 'header:content-type',
    status: 415,
  },
  {
    name: 'image content type',
    raw: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    contentType: 'image/jpeg',
    field: 'header:content-type',
    status: 415,
  },
  { name: 'JSON in UTF-16', raw: Buffer.from(`\ufeff${JSON.stringify(sampleReport())}`, 'utf16le'), field: '#' },
  { name: 'missing idempotency key', body: sampleReport(), withoutKey: true, field: 'header:idempotency-key' },
  { name: 'empty idempotency key', body: sampleReport(), headers: { 'idempotency-key': '' }, field: 'header:idempotency-key' },
  { name: 'idempotency key with a space', body: sampleReport(), headers: { 'idempotency-key': 'a b' }, field: 'header:idempotency-key' },
  {
    name: 'idempotency key of 201 characters',
    body: sampleReport(),
    headers: { 'idempotency-key': 'k'.repeat(201) },
    field: 'header:idempotency-key',
  },
  // Batches
  { name: 'empty batch', route: 'batch', body: { reports: [] }, field: '#/reports' },
  { name: 'batch as a bare array', route: 'batch', body: [sampleReport()], field: '#' },
  {
    name: 'batch of 501 reports',
    route: 'batch',
    body: { reports: Array.from({ length: 501 }, () => ({ category: 'other' })) },
    field: '#/reports',
  },
  {
    name: 'batch with one bad report',
    route: 'batch',
    body: { reports: [sampleReport(), report({ category: 'x' })] },
    field: '#/reports/1/category',
  },
  {
    name: 'batch over 5,000 items',
    route: 'batch',
    body: {
      reports: Array.from({ length: 51 }, () => ({
        category: 'other',
        urls: Array.from({ length: 100 }, (_, i) => `https://a.example.org/${i}`),
      })),
    },
    field: '#/reports',
  },
  { name: 'batch reports as an object', route: 'batch', body: { reports: { 0: sampleReport() } }, field: '#/reports' },
  // Public routes
  { name: 'public: unknown member', route: 'public', body: report({ channel: 'web' }), field: '#/channel' },
  { name: 'public: bad category', route: 'public', body: report({ category: '' }), field: '#/category' },
  { name: 'public: XML', route: 'public', raw: '<report/>', contentType: 'application/xml', field: 'header:content-type', status: 415 },
  { name: 'addition without a receipt code', route: 'addition', body: { narrative: 'more' }, field: '#/receiptCode' },
  { name: 'addition without content', route: 'addition', body: { receiptCode: validReceipt }, field: '#/narrative' },
  { name: 'addition with a bad url', route: 'addition', body: { receiptCode: validReceipt, urls: ['nope'] }, field: '#/urls/0' },
  {
    name: 'addition with a control character',
    route: 'addition',
    body: { receiptCode: validReceipt, narrative: 'a\u0007' },
    field: '#/narrative',
  },
  { name: 'status without a receipt code', route: 'status', field: 'header:receipt-code' },
  // The proof of work the public routes require (a solved challenge is sent unless the case replaces it)
  {
    name: 'public: no challenge',
    route: 'public',
    body: report({}),
    headers: { 'x-vigie-challenge': '' },
    field: 'header:x-vigie-challenge',
  },
  {
    name: 'public: challenge not base64 JSON',
    route: 'public',
    body: report({}),
    headers: { 'x-vigie-challenge': 'not a challenge' },
    field: 'header:x-vigie-challenge',
  },
  {
    name: 'addition: challenge of the wrong shape',
    route: 'addition',
    body: { receiptCode: validReceipt, narrative: 'more' },
    headers: { 'x-vigie-challenge': Buffer.from('{"challenge":{},"solution":{}}').toString('base64') },
    field: 'header:x-vigie-challenge',
  },
];

const urls: Record<Route, string> = {
  partner: '/api/partner/reports',
  batch: '/api/partner/reports/batch',
  public: '/api/public/reports',
  addition: '/api/public/reports/additions',
  status: '/api/public/reports/status',
};

let intake: Intake;
let footprint: Awaited<ReturnType<typeof intakeFootprint>>;

beforeAll(async () => {
  intake = await startIntake();
  footprint = await intakeFootprint(intake.t.vigie.store);
}, 120_000);
afterAll(() => intake?.close());

describe('the bad-input corpus', () => {
  it('holds at least 100 cases, each with a name of its own', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c, i) => [c.name, c, i % 2 === 0 ? 'fr' : 'en'] as const))('%s', async (_name, c, language) => {
    const route = c.route ?? 'partner';
    const partner = route === 'partner' || route === 'batch';
    const challenge = route === 'public' || route === 'addition' ? await solvedChallengeHeaders(intake.t.vigie.app) : {};
    const payload = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
    const response = await inject(intake.t, {
      method: route === 'status' ? 'GET' : 'POST',
      url: urls[route],
      headers: {
        'accept-language': language,
        ...(payload !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
        ...(partner ? intake.partner : {}),
        ...(partner && !c.withoutKey ? { 'idempotency-key': randomUUID() } : {}),
        ...challenge,
        ...c.headers,
      },
      ...(payload !== undefined ? { payload } : {}),
    });
    expect(response.statusCode, response.body).toBe(c.status ?? 400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json() as { type: string; title: string; errors?: { pointer?: string; parameter?: string; detail: string }[] };
    expect(problem.title).toBe(translate(language, `problem.${problem.type.split(':').pop()}` as MessageKey));
    const named = (problem.errors ?? []).map((e) => (e.pointer !== undefined ? e.pointer : `header:${e.parameter}`));
    expect(named, response.body).toContain(c.field);
    expect(named.length).toBeLessThanOrEqual(100);
  });

  it('stored nothing for any of them', async () => {
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(footprint);
  });
});

describe('limits that have no field', () => {
  it('answers 413 to a body over the limit, with a problem', async () => {
    const response = await inject(intake.t, {
      method: 'POST',
      url: urls.partner,
      headers: { ...intake.partner, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
      payload: JSON.stringify(report({ narrative: 'x'.repeat(2 * 1024 * 1024) })),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(footprint);
  });
});
