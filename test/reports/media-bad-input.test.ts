import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src/platform/i18n/index.js';
import { ebmlFile, imageFile, isoMediaFile, pngBomb, truncated } from '../pdq/media-files.js';
import { signInAs, type StaffSession } from '../support/app.js';
import { solvedChallengeHeaders } from '../support/challenge.js';
import { multipartBody, multipartType, uploadUrls, type Part, type UploadRoute } from './media-support.js';
import { auditEntries, count, inject, intakeFootprint, sampleReport, startIntake, type Intake } from './support.js';

/**
 * The upload channel's part of the bad-input corpus: every refused upload is a 4xx
 * problem+json naming the field (`#/file`, or the content-type header), in the requester's
 * language, never a 5xx, and stores nothing (no upload, no quarantined bytes, no audit entry).
 * Then submissions naming uploads badly. The pixel limit is lowered so that a real picture
 * over it is cheap to make; the bomb declares 30,000 × 30,000.
 */
interface Case {
  name: string;
  route?: UploadRoute;
  /** The form's parts; or a raw body with its content type. */
  parts?: Part[];
  raw?: Buffer | string;
  contentType?: string;
  status: number;
  field: string;
  maxPixels?: true;
}

const png = await imageFile('blocks-300x171x3', 'png');
const jpeg = await imageFile('noise-300x171x3', 'jpeg');
const gif = await imageFile('stripes-127x129x3', 'gif');
const webp = await imageFile('stripes-127x129x3', 'webp');
const file = (data: Buffer | string, filename = 'capture.png', contentType = 'image/png'): Part => ({
  name: 'file',
  filename,
  contentType,
  data,
});
const maxBytes = 64 * 1024;

const corpus: Case[] = [
  // The form
  { name: 'no file field at all', parts: [], status: 400, field: '#/file' },
  { name: 'the file in a field of another name', parts: [{ ...file(png), name: 'upload' }], status: 400, field: '#/file' },
  { name: 'a text field named file', parts: [{ name: 'file', data: 'not a file' }], status: 400, field: '#/file' },
  { name: 'two files', parts: [file(png), file(jpeg, 'b.jpg', 'image/jpeg')], status: 400, field: '#/file' },
  { name: 'three files', parts: [file(png), file(png, 'b.png'), file(png, 'c.png')], status: 400, field: '#/file' },
  { name: 'a file and a text field', parts: [file(png), { name: 'note', data: 'hello' }], status: 400, field: '#/file' },
  { name: 'a text field before the file', parts: [{ name: 'note', data: 'hello' }, file(png)], status: 400, field: '#/file' },
  { name: 'a field named like a prototype', parts: [{ name: '__proto__', data: 'x' }, file(png)], status: 400, field: '#/file' },
  { name: 'wrong multipart boundary', raw: multipartBody([file(png)], 'other-boundary'), status: 400, field: '#/file' },
  {
    name: 'no boundary in the content type',
    raw: multipartBody([file(png)]),
    contentType: 'multipart/form-data',
    status: 400,
    field: '#/file',
  },
  { name: 'truncated form', raw: multipartBody([file(png)]).subarray(0, 300), status: 400, field: '#/file' },
  { name: 'empty body', raw: '', status: 400, field: '#/file' },
  { name: 'garbage body', raw: 'this is not a form', status: 400, field: '#/file' },
  // Not multipart
  { name: 'JSON body', raw: JSON.stringify({ file: 'x' }), contentType: 'application/json', status: 415, field: 'header:content-type' },
  { name: 'raw image body', raw: png, contentType: 'image/png', status: 415, field: 'header:content-type' },
  { name: 'form-encoded body', raw: 'file=x', contentType: 'application/x-www-form-urlencoded', status: 415, field: 'header:content-type' },
  { name: 'text body', raw: 'x', contentType: 'text/plain', status: 415, field: 'header:content-type' },
  {
    name: 'multipart/mixed',
    raw: multipartBody([file(png)]),
    contentType: 'multipart/mixed; boundary=vigie-test-boundary-7d3f',
    status: 415,
    field: 'header:content-type',
  },
  // Size
  { name: 'empty file', parts: [file(Buffer.alloc(0))], status: 400, field: '#/file' },
  { name: 'oversize file', parts: [file(Buffer.concat([png, Buffer.alloc(maxBytes)]))], status: 413, field: '#/file' },
  { name: 'oversize file, partner', route: 'partner', parts: [file(Buffer.alloc(maxBytes + 1, 0xff))], status: 413, field: '#/file' },
  // Forged types: decided by the bytes, whatever is declared
  { name: 'HTML declared image/png', parts: [file('<!doctype html><script>alert(1)</script>')], status: 415, field: '#/file' },
  {
    name: 'SVG declared image/png',
    parts: [file('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'a.svg')],
    status: 415,
    field: '#/file',
  },
  { name: 'PDF declared image/jpeg', parts: [file('%PDF-1.7\n1 0 obj\n', 'a.jpg', 'image/jpeg')], status: 415, field: '#/file' },
  { name: 'ZIP declared image/png', parts: [file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0]))], status: 415, field: '#/file' },
  {
    name: 'executable declared video/mp4',
    parts: [file(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'a.mp4', 'video/mp4')],
    status: 415,
    field: '#/file',
  },
  {
    name: 'random bytes declared image/png',
    parts: [file(Buffer.from('00112233445566778899aabbccddeeff', 'hex'))],
    status: 415,
    field: '#/file',
  },
  { name: 'HEIC still image', parts: [file(isoMediaFile('heic'), 'a.heic', 'image/heic')], status: 415, field: '#/file' },
  { name: 'Matroska that is not WebM', parts: [file(ebmlFile('matroska'), 'a.mkv', 'video/webm')], status: 415, field: '#/file' },
  {
    name: 'PNG signature then text',
    parts: [file(Buffer.concat([png.subarray(0, 8), Buffer.from('<script>alert(1)</script>')]))],
    status: 422,
    field: '#/file',
  },
  // Broken pictures
  { name: 'truncated PNG', parts: [file(truncated(png))], status: 422, field: '#/file' },
  { name: 'truncated JPEG', parts: [file(truncated(jpeg), 'a.jpg', 'image/jpeg')], status: 422, field: '#/file' },
  { name: 'PNG cut after its header', parts: [file(png.subarray(0, 40))], status: 422, field: '#/file' },
  { name: 'truncated GIF', parts: [file(truncated(gif, 0.3), 'a.gif', 'image/gif')], status: 422, field: '#/file' },
  { name: 'truncated WebP', parts: [file(truncated(webp, 0.4), 'a.webp', 'image/webp')], status: 422, field: '#/file' },
  {
    name: 'JPEG with a corrupted middle',
    parts: [file(Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(400, 0xff), jpeg.subarray(600)]), 'a.jpg')],
    status: 422,
    field: '#/file',
  },
  // Decompression bombs
  { name: 'PNG declaring 30,000 × 30,000 pixels', parts: [file(pngBomb(30_000, 30_000))], status: 422, field: '#/file' },
  { name: 'PNG declaring 100,000 × 2,000 pixels', parts: [file(pngBomb(100_000, 2_000))], status: 422, field: '#/file' },
  { name: 'bomb on the partner route', route: 'partner', parts: [file(pngBomb(20_000, 20_000))], status: 422, field: '#/file' },
  { name: 'bomb on the helpline route', route: 'helpline', parts: [file(pngBomb(20_000, 20_000))], status: 422, field: '#/file' },
  // File names: a plain name or none; a path is refused, not trimmed
  { name: 'path traversal in the file name', parts: [file(png, '../../etc/passwd')], status: 400, field: '#/file' },
  { name: 'path traversal with a picture name', parts: [file(png, '../../../var/www/capture.png')], status: 400, field: '#/file' },
  { name: 'absolute path', parts: [file(png, '/tmp/capture.png')], status: 400, field: '#/file' },
  { name: 'Windows path', parts: [file(png, 'C:\\Users\\x\\capture.png')], status: 400, field: '#/file' },
  { name: 'Windows traversal', parts: [file(png, '..\\..\\boot.ini')], status: 400, field: '#/file' },
  { name: 'file name ..', parts: [file(png, '..')], status: 400, field: '#/file' },
  { name: 'file name .', parts: [file(png, '.')], status: 400, field: '#/file' },
  { name: 'NUL in the file name', parts: [file(png, 'capture.png\u0000.exe')], status: 400, field: '#/file' },
  { name: 'escape sequence in the file name', parts: [file(png, 'a\u001b[31m.png')], status: 400, field: '#/file' },
  { name: 'file name of 300 characters', parts: [file(png, `${'a'.repeat(296)}.png`)], status: 400, field: '#/file' },
  { name: 'file name of spaces', parts: [file(png, '   ')], status: 400, field: '#/file' },
];

let intake: Intake;
let operator: StaffSession;
let footprint: Awaited<ReturnType<typeof intakeFootprint>>;

const stored = async () => ({
  uploads: await count(intake.t.vigie.store, 'report_uploads'),
  quarantined: await count(intake.t.vigie.store, 'report_media_quarantine'),
  audited: (await auditEntries(intake.t.vigie.store, 'report.media-upload')).length,
});

beforeAll(async () => {
  intake = await startIntake({
    VIGIE_MEDIA_MAX_BYTES: String(maxBytes),
    VIGIE_MEDIA_MAX_PIXELS: '1000000',
    VIGIE_MEDIA_QUARANTINE: 'true',
  });
  operator = await signInAs(intake.t, ['intake_operator']);
  footprint = await intakeFootprint(intake.t.vigie.store);
}, 120_000);
afterAll(() => intake?.close());

describe('the upload channel’s bad-input corpus', () => {
  it('holds at least 40 cases, each with a name of its own', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c, i) => [c.name, c, i % 2 === 0 ? 'fr' : 'en'] as const))('%s', async (_name, c, language) => {
    const route = c.route ?? 'public';
    const credentials =
      route === 'public' ? await solvedChallengeHeaders(intake.t.vigie.app) : route === 'partner' ? intake.partner : operator.headers;
    const response = await inject(intake.t, {
      method: 'POST',
      url: uploadUrls[route],
      headers: { 'accept-language': language, ...credentials, 'content-type': c.contentType ?? multipartType() },
      payload: c.raw ?? multipartBody(c.parts ?? []),
    });
    expect(response.statusCode, response.body).toBe(c.status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json() as { type: string; title: string; errors?: { pointer?: string; parameter?: string }[] };
    expect(problem.title).toBe(translate(language, `problem.${problem.type.split(':').pop()}` as MessageKey));
    const named = (problem.errors ?? []).map((e) => (e.pointer !== undefined ? e.pointer : `header:${e.parameter}`));
    expect(named, response.body).toContain(c.field);
  });

  it('stored nothing for any of them', async () => {
    expect(await stored()).toEqual({ uploads: 0, quarantined: 0, audited: 0 });
  });

  it('takes a good file on each route (the corpus is refused for its faults, not by default)', async () => {
    for (const route of ['public', 'partner', 'helpline'] as const) {
      const credentials =
        route === 'public' ? await solvedChallengeHeaders(intake.t.vigie.app) : route === 'partner' ? intake.partner : operator.headers;
      const response = await inject(intake.t, {
        method: 'POST',
        url: uploadUrls[route],
        headers: { ...credentials, 'content-type': multipartType() },
        payload: multipartBody([file(png, 'une capture d’écran.png')]),
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    expect(await stored()).toEqual({ uploads: 3, quarantined: 3, audited: 3 });
  });
});

describe('submissions naming uploads badly', () => {
  const submit = (media: unknown[]) =>
    inject(intake.t, {
      method: 'POST',
      url: '/api/partner/reports',
      headers: { ...intake.partner, 'idempotency-key': randomUUID() },
      payload: { ...sampleReport(), media },
    });

  it.each([
    ['an uploadId that is not a UUID', [{ uploadId: 'not-a-uuid' }], 400, '#/media/0/uploadId'],
    ['an uploadId that is a number', [{ uploadId: 42 }], 400, '#/media/0/uploadId'],
    ['an uploadId with a path', [{ uploadId: '../../etc/passwd' }], 400, '#/media/0/uploadId'],
    ['neither hashes nor uploadId', [{ fileName: 'a.png' }], 400, '#/media/0/hashes'],
    ['an unknown uploadId', [{ uploadId: randomUUID() }], 422, '#/media/0/uploadId'],
    ['an unknown uploadId in second place', [{ hashes: { md5: 'ab'.repeat(16) } }, { uploadId: randomUUID() }], 422, '#/media/1/uploadId'],
  ] as const)('%s', async (_name, media, status, field) => {
    const before = await intakeFootprint(intake.t.vigie.store);
    const response = await submit([...media]);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(field);
    expect(await intakeFootprint(intake.t.vigie.store)).toEqual(before);
  });

  it('left the reports as they were', async () => {
    expect((await intakeFootprint(intake.t.vigie.store)).reports).toBe(footprint.reports);
  });
});
