import { describe, expect, it } from 'vitest';
import { categories } from './categories.js';
import { ageGroupOfChild, ageGroups, priorityOf, youngestAgeGroup, type AgeGroup, type PriorityFacts } from './model.js';

const every: PriorityFacts[] = [];
for (const urgent of [false, true])
  for (const knownContent of [false, true])
    for (const category of categories)
      for (const ageGroup of [null, ...ageGroups] as (AgeGroup | null)[]) every.push({ urgent, knownContent, category, ageGroup });

const trafficking = (facts: PriorityFacts) =>
  facts.category === 'trafficking_for_sexual_exploitation' || facts.category === 'child_prostitution';
const ageRank = (group: AgeGroup | null) => (group === null ? 0 : 3 - ageGroups.indexOf(group));

/** The order the assessment queue must follow, compared criterion by criterion. */
function before(a: PriorityFacts, b: PriorityFacts): boolean {
  if (a.urgent !== b.urgent) return a.urgent;
  if (a.knownContent !== b.knownContent) return a.knownContent;
  if (trafficking(a) !== trafficking(b)) return trafficking(a);
  return ageRank(a.ageGroup) > ageRank(b.ageGroup);
}

describe('the priority of a report', () => {
  it('orders every pair of reports as the queue must: danger, known content, trafficking, then the youngest', () => {
    for (const a of every) {
      for (const b of every) {
        if (before(a, b)) expect(priorityOf(a), `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBeGreaterThan(priorityOf(b));
      }
    }
  });

  it('goes from 0 to 31', () => {
    expect(Math.min(...every.map(priorityOf))).toBe(0);
    expect(priorityOf({ urgent: true, knownContent: true, category: 'child_prostitution', ageGroup: 'infant_toddler' })).toBe(31);
  });

  it('takes the age group of a child from its age, else its age range, else presumed minority', () => {
    expect(ageGroupOfChild({ age: 0 })).toBe('infant_toddler');
    expect(ageGroupOfChild({ age: 3 })).toBe('infant_toddler');
    expect(ageGroupOfChild({ age: 4 })).toBe('prepubescent');
    expect(ageGroupOfChild({ age: 11 })).toBe('prepubescent');
    expect(ageGroupOfChild({ age: 12 })).toBe('pubescent');
    expect(ageGroupOfChild({ age: 17 })).toBe('pubescent');
    expect(ageGroupOfChild({ age: 18 })).toBeNull();
    expect(ageGroupOfChild({ ageRange: { min: 9 } })).toBe('prepubescent');
    expect(ageGroupOfChild({ presumedMinor: true })).toBe('pubescent');
    expect(ageGroupOfChild({})).toBeNull();
    expect(youngestAgeGroup([null, 'pubescent', 'prepubescent'])).toBe('prepubescent');
    expect(youngestAgeGroup([null, undefined])).toBeNull();
  });
});
