import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from './support/app.js';

let t: TestVigie;
beforeAll(async () => {
  t = await createTestVigie({ VIGIE_BODY_LIMIT_BYTES: '4096' });
}, 60_000);
afterAll(() => t?.close());

const invalidSetup = {
  token: 'short',
  organisation: { name: '', kind: 'bakery' },
  email: 'not-an-email',
  password: 'short',
  surprise: true,
};

describe('problem responses', () => {
  it('names every invalid field with a JSON pointer, a request id and a stable type', async () => {
    const r = await t.vigie.app.inject({ method: 'POST', url: '/api/setup', payload: invalidSetup });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = r.json();
    expect(body.type).toBe('urn:vigie:problem:validation');
    expect(body.title).toBe('Some fields are invalid');
    expect(body.requestId).toBe(r.headers['x-request-id']);
    const byPointer = Object.fromEntries(body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]));
    expect(byPointer).toEqual({
      '#/token': 'too-short',
      '#/organisation/name': 'too-short',
      '#/organisation/kind': 'choice',
      '#/email': 'format',
      '#/password': 'too-short',
      '#/name': 'required',
      '#/surprise': 'unknown',
    });
  });

  it('speaks French when the requester asks for it', async () => {
    const r = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: invalidSetup,
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    expect(r.json().title).toBe('Certains champs ne sont pas valides');
    expect(r.json().errors.find((e: { pointer: string }) => e.pointer === '#/name').detail).toBe('Ce champ est obligatoire');
  });

  it('answers unknown routes, malformed JSON, oversized and mistyped bodies with problems', async () => {
    const missing = await t.vigie.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().type).toBe('urn:vigie:problem:not-found');
    const malformed = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().type).toBe('urn:vigie:problem:bad-request');
    const big = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'a@example.org', password: 'x'.repeat(10_000) },
    });
    expect(big.statusCode).toBe(413);
    const typed = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(typed.statusCode).toBe(415);
  });

  it('keeps a well-formed request id from the caller and invents one otherwise', async () => {
    const kept = await t.vigie.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'trace-1234-abcd' } });
    expect(kept.headers['x-request-id']).toBe('trace-1234-abcd');
    const replaced = await t.vigie.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id\n' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers and operations', () => {
  it('sends the security headers, and no caching of API answers', async () => {
    const r = await t.vigie.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS behind a TLS-terminating proxy it trusts', async () => {
    const proxied = await createTestVigie({ VIGIE_TRUST_PROXY: 'true' });
    try {
      const r = await proxied.vigie.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await t.vigie.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.vigie.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    const metrics = await t.vigie.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('vigie_http_requests_total');
    expect(metrics.body).toContain('vigie_process_cpu_seconds_total');
    expect(metrics.body).toContain('# TYPE vigie_jobs gauge');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await t.vigie.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/users'].post.requestBody.content['application/json'].schema.required).toContain('email');
    expect(Object.keys(doc.paths)).toContain('/api/session');
  });
});
