import { fieldProblem, Problem, type FieldProblem } from '../platform/http/index.js';
import type { MessageKey } from '../platform/i18n/index.js';
import type { AssessmentFacts } from './model.js';

/**
 * What the schema cannot say of an assessment: an imagery class is a class of illegal
 * imagery (NCMEC's A and B: prepubescent and pubescent), so it needs a legal status that is
 * not `not_illegal` and an age group that agrees with its letter.
 */
export function assessmentProblems(facts: AssessmentFacts): { fields: FieldProblem[]; detail: MessageKey } | null {
  const { imageryClass, ageGroup, legalStatus } = facts;
  if (imageryClass === null) return null;
  if (legalStatus === 'not_illegal') {
    return { fields: [fieldProblem('/imageryClass', 'invalid')], detail: 'detail.imagery-class-not-illegal' };
  }
  const agrees = imageryClass.startsWith('A') ? ageGroup === 'infant_toddler' || ageGroup === 'prepubescent' : ageGroup === 'pubescent';
  if (agrees) return null;
  return { fields: [fieldProblem('/ageGroup', ageGroup === null ? 'required' : 'invalid')], detail: 'detail.imagery-class-age-group' };
}

export function checkAssessment(facts: AssessmentFacts): void {
  const problems = assessmentProblems(facts);
  if (problems) throw new Problem('validation', problems);
}
