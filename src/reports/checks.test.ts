import { describe, expect, it } from 'vitest';
import { checkBatch, checkReport, isWebUrl } from './checks.js';

const now = new Date('2025-06-01T12:00:00Z');

describe('checks beyond the schema', () => {
  it('accepts a plain report', () => {
    expect(checkReport({ category: 'other', occurredAt: '2025-05-31', urls: ['https://a.example.org/x'] }, '', now)).toEqual([]);
  });

  it('tells web URLs from the rest', () => {
    expect(isWebUrl('https://a.example.org/x?y#z')).toBe(true);
    expect(isWebUrl('HTTP://A.EXAMPLE.ORG')).toBe(true);
    for (const url of ['https://', 'javascript:alert(1)', 'mailto:a@example.org', 'https://a.example.org:70000/', 'no']) {
      expect(isWebUrl(url), url).toBe(false);
    }
  });

  it('refuses impossible and future dates, with a day of tolerance for time zones', () => {
    const at = (occurredAt: string) => checkReport({ category: 'other', occurredAt }, '', now).map((p) => 'code' in p && p.code);
    expect(at('2025-02-29')).toEqual(['format']);
    expect(at('2024-02-29')).toEqual([]);
    expect(at('2025-06-02T10:00:00+02:00')).toEqual([]);
    expect(at('2025-06-03')).toEqual(['range']);
    expect(at('1899-12-31')).toEqual(['range']);
  });

  it('points into the batch, and caps its items as a whole', () => {
    const urls = Array.from({ length: 100 }, (_, i) => `https://a.example.org/${i}`);
    const reports = Array.from({ length: 51 }, () => ({ category: 'other' as const, urls }));
    expect(checkBatch(reports, now)).toEqual([{ in: 'body', pointer: '/reports', code: 'too-long' }]);
    expect(checkBatch([{ category: 'other' }, { category: 'other', urls: ['ftp://x'] }], now)).toEqual([
      { in: 'body', pointer: '/reports/1/urls/0', code: 'format' },
    ]);
  });
});
