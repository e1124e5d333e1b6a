import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messages } from './setup-page/messages.js';

describe('the first-start page', () => {
  it('has every text in French and in English', () => {
    expect(Object.keys(messages.fr).sort()).toEqual(Object.keys(messages.en).sort());
    for (const text of [...Object.values(messages.fr), ...Object.values(messages.en)]) expect(text.trim()).not.toBe('');
  });

  it('shows no text that the catalogues lack', () => {
    const page = readFileSync(new URL('./setup-page/index.html', import.meta.url), 'utf8');
    const keys = [...page.matchAll(/data-t="([^"]+)"/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) expect(messages.en[key], key).toBeDefined();
  });
});
