import { describe, expect, it } from 'vitest';
import { categories, categoryOfNcmec, ncmecIncidentTypes, ncmecMapping } from './categories.js';

describe('the NCMEC mapping', () => {
  it('maps every category, to known incident types only', () => {
    for (const category of categories) {
      for (const type of ncmecMapping[category].incidentTypes) expect(ncmecIncidentTypes).toContain(type);
    }
  });

  it('covers every incident type on the way back', () => {
    for (const type of ncmecIncidentTypes) expect(categories).toContain(categoryOfNcmec(type));
  });

  it('comes back to the same category wherever NCMEC has an equivalent of its own', () => {
    for (const category of categories) {
      const { incidentTypes, annotations } = ncmecMapping[category];
      const [first] = incidentTypes;
      if (!first || category === 'child_prostitution') continue;
      expect(categoryOfNcmec(first, annotations), category).toBe(category);
    }
    expect(categoryOfNcmec('Online Enticement of Children for Sexual Acts', ['sextortion'])).toBe('sextortion');
  });
});
