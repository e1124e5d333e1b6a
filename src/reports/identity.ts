import type { ReportedPerson } from './report-v1.js';

/**
 * A reported person's identity key: a full name and a year of birth, compared only as a
 * keyed blind index (match-keys.ts), never in clear. Conservative on purpose — a name
 * alone never links two reports:
 *
 * - the name is the person's `name`, or an alias written as a full name; it counts only
 *   with at least two words of two letters or more ("Jean D." or "Foxy" give no key);
 * - it is compared without case, accents, punctuation or word order ("Dupont, Jean-Luc"
 *   is "Jean Luc Dupont");
 * - the year of birth comes from the person's exact `age` on the date the report is about
 *   (`occurredAt`, else when it was received): either of the two years that age allows,
 *   so two reports meet when their years of birth may be the same. An age range gives no
 *   year (it is a guess), nor does a person without an age.
 *
 * False links remain possible between namesakes born within a year of each other; the
 * link says its reason (`identity`) so that an analyst weighs it.
 */

/** Words of a name: no accents, no case, no punctuation, single letters (initials) dropped, sorted. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length >= 2)
    .sort();
}

/** The two years of birth an age allows on a date in `year`. */
export function birthYears(age: number, year: number): [number, number] {
  return [year - age - 1, year - age];
}

/** The identity forms of a person (each becomes a key): every full name with every possible year of birth. */
export function identityForms(person: Pick<ReportedPerson, 'name' | 'aliases' | 'age'>, referenceYear: number): string[] {
  if (person.age === undefined) return [];
  const names = [person.name, ...(person.aliases ?? [])]
    .filter((name): name is string => name !== undefined)
    .map(nameWords)
    .filter((words) => words.length >= 2)
    .map((words) => words.join(' '));
  const years = birthYears(person.age, referenceYear);
  return [...new Set(names)].flatMap((name) => years.map((year) => `${name}\n${year}`));
}

/** The year a report is about: its `occurredAt` (a date or a date and time), else when it was received. */
export function referenceYearOf(occurredAt: string | undefined, receivedAt: Date): number {
  const year = occurredAt === undefined ? Number.NaN : Number(occurredAt.slice(0, 4));
  return Number.isInteger(year) ? year : receivedAt.getUTCFullYear();
}
