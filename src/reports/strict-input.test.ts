import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { Type } from 'typebox';
import { fieldProblemsOf, oversizedLists } from './strict-input.js';

const Schema = Type.Object(
  {
    name: Type.String({ maxLength: 3 }),
    tags: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]+$' }), { maxItems: 2 })),
    nested: Type.Optional(Type.Object({ list: Type.Array(Type.Integer(), { maxItems: 1 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
const validator = Compile(Schema);
const problems = (data: unknown) =>
  fieldProblemsOf(validator.Errors(data), 'body', [...oversizedLists(Schema as unknown as Record<string, unknown>, data)]);

describe('strict validation problems', () => {
  it('name missing and unknown members, escaping their names', () => {
    expect(problems({ 'a/b': 1, 'c~d': 2 })).toEqual(
      expect.arrayContaining([
        { in: 'body', pointer: '/name', code: 'required' },
        { in: 'body', pointer: '/a~1b', code: 'unknown' },
        { in: 'body', pointer: '/c~0d', code: 'unknown' },
      ]),
    );
  });

  it('do not coerce: a number is not a string', () => {
    expect(problems({ name: 12 })).toEqual([{ in: 'body', pointer: '/name', code: 'type' }]);
  });

  it('name an oversized list first, however many of its items are bad', () => {
    const found = problems({ name: 'ab', tags: Array.from({ length: 10_000 }, () => 'BAD') });
    expect(found[0]).toEqual({ in: 'body', pointer: '/tags', code: 'too-long' });
    expect(found.length).toBeLessThanOrEqual(100);
    expect([...oversizedLists(Schema as unknown as Record<string, unknown>, { nested: { list: [1, 2] } })]).toEqual(['/nested/list']);
  });

  it('name a header by its name', () => {
    const headers = Compile(Type.Object({ 'idempotency-key': Type.String({ minLength: 1 }) }));
    expect(fieldProblemsOf(headers.Errors({}), 'headers')).toEqual([{ in: 'header', parameter: 'idempotency-key', code: 'required' }]);
  });
});
