import type { Option } from '../shared/form/SelectField.js';

const cache = new Map<string, Option[]>();

/** The countries in the page's language, by name; the names come from the browser (Intl), the codes from the server. */
export function countryOptions(codes: readonly string[], language: string): Option[] {
  const cacheKey = `${language}:${codes.length}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const options = codes
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  cache.set(cacheKey, options);
  return options;
}
