import { describe, expect, it } from 'vitest';
import { en } from './messages.en.js';
import { fr } from './messages.fr.js';
import { negotiateLanguage } from './translate.js';

describe('server catalogues', () => {
  it('have the same keys and no empty message in French and English', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const text of [...Object.values(fr), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,en;q=0.5,fr;q=0.7', 'fr'],
    ['en-GB', 'en'],
    ['es', 'en'],
    ['fr;q=0, en', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
