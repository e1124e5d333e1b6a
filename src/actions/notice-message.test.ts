import { describe, expect, it } from 'vitest';
import { urlStateOf } from './model.js';
import { takedownCycleIntervalMs } from './service.js';
import { composeNotice } from './notice-message.js';
import { parseDuration, parseNoticeLanguages } from './takedown-settings.js';

const sender = {
  deploymentName: 'Hotline exemple',
  deploymentContact: 'signalements@example.org',
  legalBasis: { fr: 'Article 6 du règlement (exemple)', en: 'Article 6 of the regulation (example)' },
};
const content = {
  to: ['abuse@hosting.example.net'],
  urls: ['http://www.example.com/a.jpg', 'http://www.example.com/b.jpg?x=<1>'],
  reference: '7d3f5c1e-0000-4000-8000-000000000001',
  references: [] as string[],
};

describe('a notice in the deployment’s languages', () => {
  it('joins French then English into one message: subjects, both bodies, one set of headers', () => {
    const message = composeNotice(['fr', 'en'], sender, content);
    expect(message.to).toEqual(['abuse@hosting.example.net']);
    expect(message.subject).toBe(
      `Contenus pédocriminels hébergés sur votre réseau – réf. ${content.reference} / Child sexual abuse material hosted on your network – ref. ${content.reference}`,
    );
    const french = message.text.indexOf('Nous vous demandons');
    const english = message.text.indexOf('Please remove it');
    expect(french).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(french);
    expect(message.text).toContain('Article 6 du règlement (exemple)');
    expect(message.text).toContain('Article 6 of the regulation (example)');
    expect(message.text.split('http://www.example.com/a.jpg')).toHaveLength(3);
    expect(message.html).toContain('b.jpg?x=&lt;1&gt;');
    expect(message.html).toContain('<hr>');
    expect(message.headers).toEqual({
      'Auto-Submitted': 'auto-generated',
      'X-Vigie-Reference': content.reference,
      'Content-Language': 'fr, en',
    });
  });

  it('writes one language when asked, and threads a re-notice under the earlier Message-IDs', () => {
    const message = composeNotice(['en'], sender, { ...content, references: ['<one@example.org>', '<two@example.org>'] });
    expect(message.subject).toBe(`Child sexual abuse material hosted on your network – ref. ${content.reference}`);
    expect(message.text).not.toContain('Nous vous demandons');
    expect(message.headers).toMatchObject({ References: '<one@example.org> <two@example.org>', 'Content-Language': 'en' });
  });
});

describe('settings and states', () => {
  it('reads durations in seconds, minutes, hours and days, and refuses anything else', () => {
    expect([parseDuration('90s'), parseDuration('30m'), parseDuration('24h'), parseDuration('7d')]).toEqual([
      90_000, 1_800_000, 86_400_000, 604_800_000,
    ]);
    for (const wrong of ['0s', '24', '1.5h', '2w', ' 1h', '-1h']) expect(() => parseDuration(wrong), wrong).toThrow();
    expect(parseNoticeLanguages('en,fr')).toEqual(['en', 'fr']);
    expect(() => parseNoticeLanguages('fr,fr')).toThrow();
    expect(() => parseNoticeLanguages('de')).toThrow();
  });

  it('asks for the cycle twice per the shorter interval, at least every minute and at most every second', () => {
    expect(takedownCycleIntervalMs({ noticeIntervalMs: 86_400_000, removalCheckIntervalMs: 3_600_000 })).toBe(60_000);
    expect(takedownCycleIntervalMs({ noticeIntervalMs: 10_000, removalCheckIntervalMs: 4000 })).toBe(2000);
    expect(takedownCycleIntervalMs({ noticeIntervalMs: 1000, removalCheckIntervalMs: 1000 })).toBe(1000);
  });

  it('calls a URL removed after two removed checks in a row, and says where the others stand', () => {
    expect(urlStateOf({ last_outcome: null, removed_streak: 0 })).toBe('unchecked');
    expect(urlStateOf({ last_outcome: 'online', removed_streak: 0 })).toBe('online');
    expect(urlStateOf({ last_outcome: 'error', removed_streak: 0 })).toBe('unreachable');
    expect(urlStateOf({ last_outcome: 'refused', removed_streak: 0 })).toBe('unreachable');
    expect(urlStateOf({ last_outcome: 'removed', removed_streak: 1 })).toBe('confirming');
    expect(urlStateOf({ last_outcome: 'removed', removed_streak: 2 })).toBe('removed');
  });
});
