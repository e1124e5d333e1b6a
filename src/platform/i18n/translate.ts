import { en, type MessageKey } from './messages.en.js';
import { fr } from './messages.fr.js';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Record<MessageKey, string>> = { en, fr };

export function translate(language: Language, key: MessageKey): string {
  return catalogues[language][key];
}

/** Picks French or English from an Accept-Language header by its q-values; English otherwise. */
export function negotiateLanguage(header: string | undefined, fallback: Language = 'en'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'fr' || primary === 'en') return primary;
  }
  return fallback;
}
