import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderDiff, renderSnapshot } from './render.js';

const urls = [
  { url: 'https://example.org/a?b=1,2', addedAt: '2026-12-01T10:00:00.000Z', addedVersion: 1 },
  { url: 'https://example.org/q?"x"', addedAt: '2026-12-01T11:00:00.000Z', addedVersion: 2 },
];

describe('rendering', () => {
  it('quotes CSV fields that need it, so a standard parser reads the URLs back', () => {
    const csv = renderSnapshot({ version: 2, createdAt: '2026-12-01T11:00:00.000Z', urls }, 'csv');
    expect(parse(csv, { columns: true })).toEqual(
      urls.map((entry) => ({ url: entry.url, added_at: entry.addedAt, added_version: String(entry.addedVersion) })),
    );
  });

  it('writes a difference as +/- lines, additions first', () => {
    const diff = {
      version: 3,
      since: 1,
      createdAt: null,
      added: [urls[1]!],
      removed: [{ url: 'https://example.org/gone', removedAt: '2026-12-01T12:00:00.000Z', removedVersion: 3 }],
    };
    expect(renderDiff(diff, 'txt')).toBe('+https://example.org/q?"x"\n-https://example.org/gone\n');
    expect(JSON.parse(renderDiff(diff, 'json'))).toMatchObject({ format: 'vigie-blocklist/1', version: 3, since: 1 });
    expect(renderSnapshot({ version: 0, createdAt: null, urls: [] }, 'txt')).toBe('');
  });
});
