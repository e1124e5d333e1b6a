import { describe, expect, it } from 'vitest';
import { countryCodes, isCountryCode, iso3166Alpha2, subdivisionPattern } from './countries.js';

describe('ISO 3166 codes', () => {
  it('lists the 249 officially assigned alpha-2 codes, once each, in order', () => {
    expect(iso3166Alpha2).toHaveLength(249);
    expect(new Set(iso3166Alpha2).size).toBe(249);
    expect([...iso3166Alpha2]).toEqual([...iso3166Alpha2].sort());
    for (const code of iso3166Alpha2) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('knows real codes and refuses reserved or retired ones', () => {
    for (const code of ['FR', 'DE', 'GB', 'SS', 'SX', 'BQ', 'CW', 'XK']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['UK', 'EU', 'AN', 'YU', 'CS', 'ZZ', 'QQ', 'fr']) expect(isCountryCode(code), code).toBe(false);
    expect(countryCodes).toContain('XK');
  });

  it('checks the country part of a subdivision code', () => {
    const subdivision = new RegExp(subdivisionPattern, 'u');
    for (const code of ['FR-75C', 'FR-IDF', 'DE-BY', 'US-CA', 'GB-ENG', 'BE-VLG', 'XK-01']) expect(subdivision.test(code), code).toBe(true);
    for (const code of ['FR', 'FR-', 'FR-ABCD', 'ZZ-01', 'fr-75', 'FR_75', 'FR-7 5']) expect(subdivision.test(code), code).toBe(false);
  });
});
