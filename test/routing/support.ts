import { expect } from 'vitest';
import type { StaffSession, TestVigie } from '../support/app.js';

export interface AssessmentInput {
  legalStatus: 'baseline' | 'national' | 'not_illegal';
  category: string;
  ageGroup: 'infant_toddler' | 'prepubescent' | 'pubescent' | null;
  imageryClass: 'A1' | 'A2' | 'B1' | 'B2' | null;
}

export const illegalImagery: AssessmentInput = {
  legalStatus: 'baseline',
  category: 'child_sexual_abuse_material',
  ageGroup: 'prepubescent',
  imageryClass: 'A1',
};

/**
 * A report assessed as analysts do it, through triage's API: one claims and assesses, a
 * second claims and confirms; the assessment is then final and triage asks for routing.
 */
export async function assessThroughTriage(
  t: TestVigie,
  [first, second]: readonly [StaffSession, StaffSession],
  reportId: string,
  assessment: AssessmentInput,
): Promise<void> {
  const as = (who: StaffSession, url: string, payload?: object) =>
    t.vigie.app.inject({
      method: 'POST',
      url: `/api/triage/reports/${reportId}${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  expect((await as(first, '/claim')).statusCode).toBe(200);
  const assessed = await as(first, '/assessment', assessment);
  expect(assessed.statusCode, assessed.body).toBe(201);
  expect((await as(second, '/claim')).statusCode).toBe(200);
  const confirmed = await as(second, '/confirmation', { assessmentId: assessed.json().assessment.id });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  expect(confirmed.json().stage).toBe('final');
}
