import { signInAs } from '../support/app.js';
import { corpusSuite, type CorpusCase } from './corpus.js';
import { sampleReport } from './support.js';

/** The bad-input corpus of the helpline console's route, POST /api/helpline/calls. */
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const call = (patch: Record<string, unknown> = {}) => ({
  callerType: 'parent_or_relative',
  startedAt: minutesAgo(30),
  endedAt: minutesAgo(10),
  adviceGiven: 'Garder les messages, ne pas répondre.',
  immediateReferrals: ['child_protection'],
  ...patch,
});
const body = (callPatch: Record<string, unknown> = {}, reportPatch: Record<string, unknown> = {}) => ({
  call: call(callPatch),
  report: { ...sampleReport(), ...reportPatch },
});
const valid = JSON.stringify(body());
const nested = (depth: number) =>
  `{"call":${JSON.stringify(call())},"report":{"category":"other","urls":${'['.repeat(depth)}${']'.repeat(depth)}}}`;

const cases: CorpusCase[] = [
  // The document
  { name: 'body without the call', body: { report: sampleReport() }, field: '#/call' },
  { name: 'body without the report', body: { call: call() }, field: '#/report' },
  { name: 'call as a string', body: { call: 'a call', report: sampleReport() }, field: '#/call' },
  { name: 'report as an array', body: { call: call(), report: [sampleReport()] }, field: '#/report' },
  { name: 'unknown member beside the call', body: { ...body(), operator: 'me' }, field: '#/operator' },
  { name: 'body is null', raw: 'null', field: '#' },
  { name: 'malformed JSON', raw: valid.slice(0, -5), field: '#' },
  {
    name: 'invalid UTF-8',
    raw: Buffer.concat([Buffer.from(valid.slice(0, -2)), Buffer.from([0xff, 0xfe]), Buffer.from('}}')]),
    field: '#',
  },
  { name: 'report nested 50,000 deep', raw: nested(50_000), field: '#/report/urls/0' },
  // The caller and the times
  { name: 'caller type missing', body: body({ callerType: undefined }), field: '#/call/callerType' },
  { name: 'unknown caller type', body: body({ callerType: 'journalist' }), field: '#/call/callerType' },
  { name: 'caller type as a number', body: body({ callerType: 1 }), field: '#/call/callerType' },
  { name: 'start missing', body: body({ startedAt: undefined }), field: '#/call/startedAt' },
  { name: 'start in words', body: body({ startedAt: 'this morning' }), field: '#/call/startedAt' },
  { name: 'start as a date without a time', body: body({ startedAt: '2025-03-01' }), field: '#/call/startedAt' },
  { name: 'start as a Unix time', body: body({ startedAt: 1740787200 }), field: '#/call/startedAt' },
  { name: 'end missing', body: body({ endedAt: undefined }), field: '#/call/endedAt' },
  { name: 'end before the start', body: body({ startedAt: minutesAgo(10), endedAt: minutesAgo(30) }), field: '#/call/endedAt' },
  { name: 'start in the future', body: body({ startedAt: new Date(Date.now() + 7_200_000).toISOString() }), field: '#/call/startedAt' },
  { name: 'end in the future', body: body({ endedAt: new Date(Date.now() + 7_200_000).toISOString() }), field: '#/call/endedAt' },
  { name: 'a call of a day', body: body({ startedAt: minutesAgo(25 * 60), endedAt: minutesAgo(60) }), field: '#/call/endedAt' },
  // Advice and referrals
  { name: 'advice as a number', body: body({ adviceGiven: 7 }), field: '#/call/adviceGiven' },
  { name: 'advice empty', body: body({ adviceGiven: '' }), field: '#/call/adviceGiven' },
  { name: 'advice over 5,000 characters', body: body({ adviceGiven: 'a'.repeat(5001) }), field: '#/call/adviceGiven' },
  { name: 'advice with NUL', body: body({ adviceGiven: 'a\u0000b' }), field: '#/call/adviceGiven' },
  { name: 'advice with a terminal escape', body: body({ adviceGiven: '\u001b[2J' }), field: '#/call/adviceGiven' },
  { name: 'referral note over 2,000 characters', body: body({ referralNote: 'n'.repeat(2001) }), field: '#/call/referralNote' },
  { name: 'referral note with a C1 control', body: body({ referralNote: 'a\u009bb' }), field: '#/call/referralNote' },
  { name: 'unknown referral', body: body({ immediateReferrals: ['priest'] }), field: '#/call/immediateReferrals/0' },
  { name: 'referrals as a string', body: body({ immediateReferrals: 'police' }), field: '#/call/immediateReferrals' },
  { name: 'the same referral twice', body: body({ immediateReferrals: ['police', 'police'] }), field: '#/call/immediateReferrals' },
  {
    name: 'more referrals than there are kinds',
    body: body({ immediateReferrals: Array(6).fill('other') }),
    field: '#/call/immediateReferrals',
  },
  { name: 'the caller’s name in the call', body: body({ callerName: 'Dominique' }), field: '#/call/callerName' },
  // The report the call brings
  { name: 'report without a category', body: body({}, { category: undefined }), field: '#/report/category' },
  { name: 'report with a malformed URL', body: body({}, { urls: ['http//missing-colon.example.org'] }), field: '#/report/urls/0' },
  {
    name: 'report with 10,000 URLs',
    body: body({}, { urls: Array.from({ length: 10_000 }, (_, i) => `https://a.example.org/${i}`) }),
    field: '#/report/urls',
  },
  { name: 'report with an invalid country', body: body({}, { places: [{ country: 'EU' }] }), field: '#/report/places/0/country' },
  {
    name: 'report with a path in a file name',
    body: body({}, { media: [{ hashes: { md5: 'ab'.repeat(16) }, fileName: '../x.jpg' }] }),
    field: '#/report/media/0/fileName',
  },
  {
    name: 'report contact without consent',
    body: body({}, { reporter: { contact: { name: 'X' } } }),
    field: '#/report/reporter/consentToContact',
  },
  { name: 'report occurred in the future', body: body({}, { occurredAt: '2999-01-01' }), field: '#/report/occurredAt' },
  {
    name: 'duplicate member, the last one invalid',
    raw: valid.replace('"callerType":"parent_or_relative"', '"callerType":"child","callerType":"pet"'),
    field: '#/call/callerType',
  },
  // Content types and headers
  { name: 'form-encoded call', raw: 'call=1', contentType: 'application/x-www-form-urlencoded', field: 'header:content-type', status: 415 },
  { name: 'call as XML', raw: '<call/>', contentType: 'application/xml', field: 'header:content-type', status: 415 },
  { name: 'JSON labelled as plain text', raw: valid, contentType: 'text/plain', field: 'header:content-type', status: 415 },
  { name: 'idempotency key with a space', body: body(), headers: { 'idempotency-key': 'a b' }, field: 'header:idempotency-key' },
  {
    name: 'idempotency key of 300 characters',
    body: body(),
    headers: { 'idempotency-key': 'k'.repeat(300) },
    field: 'header:idempotency-key',
  },
];

corpusSuite({
  title: 'helpline calls',
  url: '/api/helpline/calls',
  sendsKey: false,
  contentType: 'application/json',
  async setup(intake) {
    const operator = await signInAs(intake.t, ['intake_operator']);
    return { headers: operator.headers, context: undefined };
  },
  cases,
});
