import { describe, expect, it } from 'vitest';
import { birthYears, identityForms, nameWords, referenceYearOf } from './identity.js';

const common = (a: string[], b: string[]) => a.filter((form) => b.includes(form));

describe("a reported person's identity key", () => {
  it('compares names without case, accents, punctuation, initials or word order', () => {
    expect(nameWords('Dupont, Jean-Luc')).toEqual(nameWords('jean luc DUPONT'));
    expect(nameWords('Élodie Müller')).toEqual(nameWords('elodie muller'));
    expect(nameWords('Jean D.')).toEqual(['jean']);
  });

  it('needs a full name and an exact age: a name alone, a single word or an age range gives no key', () => {
    expect(identityForms({ name: 'Jean Dupont' }, 2025)).toEqual([]);
    expect(identityForms({ name: 'Foxy', age: 40 }, 2025)).toEqual([]);
    expect(identityForms({ name: 'Jean D.', age: 40 }, 2025)).toEqual([]);
    expect(identityForms({ aliases: ['foxy'], age: 40 }, 2025)).toEqual([]);
    expect(identityForms({ name: 'Jean Dupont', age: 40 }, 2025)).toEqual(['dupont jean\n1984', 'dupont jean\n1985']);
  });

  it('an alias written as a full name is a name too', () => {
    expect(identityForms({ name: 'Jean Dupont', aliases: ['foxy', 'Johnny Durand'], age: 40 }, 2025)).toEqual([
      'dupont jean\n1984',
      'dupont jean\n1985',
      'durand johnny\n1984',
      'durand johnny\n1985',
    ]);
  });

  it('two reports meet when the years of birth their ages allow may be the same, and only then', () => {
    const person = { name: 'Jean Dupont', age: 40 };
    expect(common(identityForms(person, 2025), identityForms({ name: 'dupont jean', age: 41 }, 2025))).toHaveLength(1);
    expect(common(identityForms(person, 2025), identityForms({ name: 'Jean Dupont', age: 35 }, 2020))).toHaveLength(2);
    expect(common(identityForms(person, 2025), identityForms({ name: 'Jean Dupont', age: 42 }, 2025))).toEqual([]);
    expect(common(identityForms(person, 2025), identityForms({ name: 'Jean Durand', age: 40 }, 2025))).toEqual([]);
    expect(birthYears(40, 2025)).toEqual([1984, 1985]);
  });

  it('reads the year from the date the report is about, else from when it was received', () => {
    expect(referenceYearOf('2019-06-01', new Date('2025-01-01T00:00:00Z'))).toBe(2019);
    expect(referenceYearOf('2019-06-01T10:00:00+02:00', new Date('2025-01-01T00:00:00Z'))).toBe(2019);
    expect(referenceYearOf(undefined, new Date('2025-01-01T00:00:00Z'))).toBe(2025);
  });
});
