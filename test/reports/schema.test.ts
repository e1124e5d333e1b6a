import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { type TSchema } from 'typebox';
import { limits } from '../../src/reports/index.js';
import { inject, sampleReport, startIntake, type Intake } from './support.js';

let intake: Intake;
beforeAll(async () => {
  intake = await startIntake();
}, 120_000);
afterAll(() => intake?.close());

type Json = Record<string, unknown>;

/** Every sub-schema of a schema, with its path. */
function* walk(schema: Json, path = '#'): Generator<[string, Json]> {
  yield [path, schema];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') for (const [name, sub] of Object.entries(value as Json)) yield* walk(sub as Json, `${path}/${name}`);
    else if (key === 'items') yield* walk(value as Json, `${path}/items`);
    else if (key === 'anyOf') for (const [i, sub] of (value as Json[]).entries()) yield* walk(sub, `${path}/anyOf/${i}`);
  }
}

describe('the published report schema', () => {
  it('is served to anyone, with its identifier and version', async () => {
    const response = await inject(intake.t, { method: 'GET', url: '/api/schemas/report/v1.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
    const schema = response.json();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `${intake.t.config.publicUrl}/api/schemas/report/v1.json`,
      title: 'Vigie report, version 1',
      properties: { format: { const: 'vigie.report/1' } },
    });
  });

  it.each(['report', 'report-content'])('%s: is closed and capped everywhere', async (which) => {
    const schema = (await inject(intake.t, { method: 'GET', url: `/api/schemas/${which}/v1.json` })).json() as Json;
    for (const [path, node] of walk(schema)) {
      if (node.type === 'object') expect(node.additionalProperties, path).toBe(false);
      if (node.type === 'array') expect(node.maxItems, path).toBeLessThanOrEqual(limits.batch);
      if (node.type === 'string')
        expect(node.maxLength !== undefined || node.pattern !== undefined || node.format === 'uuid' || node.const !== undefined, path).toBe(
          true,
        );
    }
  });

  it('describes what the server accepts: a full report is valid against the published document', async () => {
    const content = (await inject(intake.t, { method: 'GET', url: '/api/schemas/report-content/v1.json' })).json() as TSchema;
    const document = (await inject(intake.t, { method: 'GET', url: '/api/schemas/report/v1.json' })).json() as TSchema;
    const envelope = {
      format: 'vigie.report/1',
      id: '5f0c6f9e-8a39-4d0e-9d4c-0a3c8c1e2b11',
      channel: 'hotel',
      receivedAt: '2025-01-01T00:00:00Z',
    };
    expect(Compile(content).Check(sampleReport())).toBe(true);
    expect(Compile(document).Check({ ...envelope, ...sampleReport() })).toBe(true);
    expect(Compile(document).Check(sampleReport())).toBe(false);
  });

  it('is the one the OpenAPI document uses for the partner route', async () => {
    const openapi = (await inject(intake.t, { method: 'GET', url: '/api/openapi.json' })).json();
    const operation = openapi.paths['/api/partner/reports'].post;
    const body = operation.requestBody.content['application/json'].schema;
    expect(body.title).toBe('Vigie report content, version 1');
    expect(operation.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key', required: true })]),
    );
  });
});
