import { expect } from 'vitest';
import type { StaffSession, TestVigie } from './app.js';

export interface Assessment {
  legalStatus: 'baseline' | 'national' | 'not_illegal';
  category: string;
  ageGroup: 'infant_toddler' | 'prepubescent' | 'pubescent' | null;
  imageryClass: 'A1' | 'A2' | 'B1' | 'B2' | null;
}

export const baselineImagery: Assessment = {
  legalStatus: 'baseline',
  category: 'child_sexual_abuse_material',
  ageGroup: 'prepubescent',
  imageryClass: 'A1',
};

/**
 * A report made final as analysts do it, through triage's API: one analyst claims and assesses
 * it, a second claims and confirms it; the assessment is then final and triage asks for routing.
 */
export async function assessAndConfirm(
  t: TestVigie,
  [first, second]: readonly [StaffSession, StaffSession],
  reportId: string,
  assessment: Assessment,
): Promise<void> {
  const post = (who: StaffSession, path: string, payload?: object) =>
    t.vigie.app.inject({
      method: 'POST',
      url: `/api/triage/reports/${reportId}${path}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
  expect((await post(first, '/claim')).statusCode).toBe(200);
  const assessed = await post(first, '/assessment', assessment);
  expect(assessed.statusCode, assessed.body).toBe(201);
  expect((await post(second, '/claim')).statusCode).toBe(200);
  const confirmed = await post(second, '/confirmation', { assessmentId: assessed.json().assessment.id });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  expect(confirmed.json().stage).toBe('final');
}
