import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('trace', stream), text: () => lines.join('') };
}

describe('the logger', () => {
  it('redacts credentials wherever a plugin nests the request headers', () => {
    const { logger, text } = capture();
    const headers = { authorization: 'Bearer vigie_secret_key', cookie: 'vigie_session=s3cr3t', 'content-type': 'multipart/form-data' };
    logger.trace({ req: { headers } }, 'top');
    logger.trace({ headers }, 'bare');
    logger.trace({ request: { headers } }, 'plugin');
    logger.trace({ context: { request: { headers } } }, 'deeper');
    expect(text()).not.toMatch(/vigie_secret_key|s3cr3t/);
    expect(text().match(/multipart\/form-data/g)).toHaveLength(4);
  });

  it('redacts personal fields and bodies', () => {
    const { logger, text } = capture();
    logger.info({ user: { email: 'camille@example.org', name: 'Camille' }, body: { narrative: 'x' } }, 'sign-in');
    expect(text()).not.toMatch(/camille|Camille|narrative/);
  });
});
