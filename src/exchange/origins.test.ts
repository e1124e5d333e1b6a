import { describe, expect, it } from 'vitest';
import { Problem } from '../platform/http/index.js';
import { checkBaseUrl, parseAllowedHttpOrigins } from './origins.js';

describe('VIGIE_EXCHANGE_ALLOW_HTTP', () => {
  it('reads http origins on loopback addresses', () => {
    expect([...parseAllowedHttpOrigins('http://127.0.0.1:8081, http://[::1]:9000,http://localhost:7000')]).toEqual([
      'http://127.0.0.1:8081',
      'http://[::1]:9000',
      'http://localhost:7000',
    ]);
    expect(parseAllowedHttpOrigins('').size).toBe(0);
  });

  it('refuses anything that is not an http origin on loopback', () => {
    for (const wrong of [
      'http://192.0.2.10:8080',
      'https://127.0.0.1:8443',
      'http://127.0.0.1:8080/api',
      'not a url',
      'http://vigie.example.org',
    ]) {
      expect(() => parseAllowedHttpOrigins(wrong), wrong).toThrow(/VIGIE_EXCHANGE_ALLOW_HTTP/);
    }
  });
});

describe('a partner’s address', () => {
  const allowed = new Set(['http://127.0.0.1:8081']);
  const refused = (url: string) => {
    try {
      checkBaseUrl(url, allowed);
      return null;
    } catch (error) {
      return error instanceof Problem ? error.options.fields : error;
    }
  };

  it('is https, without a trailing slash', () => {
    expect(checkBaseUrl('https://vigie.example.org/', allowed)).toBe('https://vigie.example.org');
    expect(checkBaseUrl('https://hotline.example.org/vigie/', allowed)).toBe('https://hotline.example.org/vigie');
  });

  it('is http only for a listed loopback origin', () => {
    expect(checkBaseUrl('http://127.0.0.1:8081', allowed)).toBe('http://127.0.0.1:8081');
    expect(refused('http://127.0.0.1:8082')).toEqual([{ in: 'body', pointer: '/baseUrl', code: 'format' }]);
    expect(refused('http://vigie.example.org')).toEqual([{ in: 'body', pointer: '/baseUrl', code: 'format' }]);
  });

  it('carries no credentials, query or fragment', () => {
    for (const url of ['https://user:pw@vigie.example.org', 'https://vigie.example.org/?a=1', 'https://vigie.example.org/#x']) {
      expect(refused(url), url).toEqual([{ in: 'body', pointer: '/baseUrl', code: 'format' }]);
    }
  });
});
