import { describe, expect, it } from 'vitest';
import { desiredList } from './desired.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();

describe('desiredList', () => {
  it('lists the canonical form of each URL of a report assessed illegal, once', () => {
    const { urls, skipped } = desiredList(
      [
        { reportId: 'r1', at: at(0) },
        { reportId: 'r2', at: at(1) },
      ],
      [
        { itemId: 'i1', reportId: 'r1', url: 'HTTPS://Example.org:443/a/./b?utm_source=x#top' },
        { itemId: 'i2', reportId: 'r2', url: 'https://example.org/a/b' },
        { itemId: 'i3', reportId: 'r3', url: 'https://example.org/not-assessed' },
        { itemId: 'i4', reportId: 'r2', url: 'ftp://example.org/file' },
      ],
      [],
    );
    expect([...urls]).toEqual(['https://example.org/a/b']);
    expect(skipped).toBe(1);
  });

  it('keeps case in the path: two pages differing by case are two URLs', () => {
    const { urls } = desiredList(
      [{ reportId: 'r1', at: at(0) }],
      [
        { itemId: 'i1', reportId: 'r1', url: 'https://example.org/Page' },
        { itemId: 'i2', reportId: 'r1', url: 'https://example.org/page' },
      ],
      [],
    );
    expect([...urls].sort()).toEqual(['https://example.org/Page', 'https://example.org/page']);
  });

  it('takes a URL off once a removal is confirmed after its latest illegal assessment, through any report naming it', () => {
    const reports = [
      { reportId: 'r1', at: at(0) },
      { reportId: 'r2', at: at(5) },
    ];
    const items = [
      { itemId: 'i1', reportId: 'r1', url: 'https://example.org/x' },
      { itemId: 'i2', reportId: 'r2', url: 'https://EXAMPLE.org/x' },
    ];
    expect(desiredList(reports, items, [{ itemIds: ['i1'], at: at(10) }]).urls.size).toBe(0);
    // Assessed again after the removal (the content put back): listed again.
    expect([...desiredList([...reports, { reportId: 'r2', at: at(11) }], items, [{ itemIds: ['i1'], at: at(10) }]).urls]).toEqual([
      'https://example.org/x',
    ]);
    // A removal at the same instant as the assessment wins; one before it does not.
    expect(desiredList(reports, items, [{ itemIds: ['i2'], at: at(5) }]).urls.size).toBe(0);
    expect(desiredList(reports, items, [{ itemIds: ['i2'], at: at(4) }]).urls.size).toBe(1);
  });
});
