import { describe, expect, it } from 'vitest';
import { errorsOfProblem, flatIds, type ProblemErrors } from '../../web/src/shared/form/problem-errors.js';

/** How a form places the server's problem: each named input gets its message, the reason goes where it reads best. */
const idOf = flatIds('user', ['email', 'name']);
type Field = ProblemErrors['errors'][number] & { parameter?: string };
const field = (pointer: string, detail: string): Field => ({ pointer, detail });
const problem = (detail: string | undefined, errors: Field[]): ProblemErrors => ({ title: 'Conflict', detail, errors });

describe('errorsOfProblem', () => {
  it('puts the reason beside the one input a problem names', () => {
    const found = errorsOfProblem(
      problem('Another account already uses this e-mail address', [field('#/email', 'This value is not valid')]),
      idOf,
    );
    expect([...found.errors]).toEqual([['user-email', 'Another account already uses this e-mail address']]);
    expect(found.general).toEqual([]);
  });

  it('keeps each input’s own message when several are named, and the reason with the general messages', () => {
    const found = errorsOfProblem(
      problem('These do not go together', [field('#/email', 'This value is not valid'), field('#/name', 'This value is too long')]),
      idOf,
    );
    expect([...found.errors]).toEqual([
      ['user-email', 'This value is not valid'],
      ['user-name', 'This value is too long'],
    ]);
    expect(found.general).toEqual(['These do not go together']);
  });

  it('gives the inputs their own messages when the problem has no reason, and the title when it names nothing', () => {
    const validation = errorsOfProblem(problem(undefined, [field('#/email', 'This value does not have the expected format')]), idOf);
    expect([...validation.errors]).toEqual([['user-email', 'This value does not have the expected format']]);
    expect(validation.general).toEqual([]);
    expect(errorsOfProblem(problem(undefined, []), idOf).general).toEqual(['Conflict']);
  });

  it('says the reason in general when the input it names is not on the form', () => {
    const found = errorsOfProblem(problem('Too many attempts', [{ parameter: 'x-request-id', detail: 'Not valid' }]), idOf);
    expect(found.errors.size).toBe(0);
    expect(found.general).toEqual(['Too many attempts']);
  });
});
