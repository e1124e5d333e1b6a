import type { FastifySchemaValidationError } from 'fastify';
import type { FieldCode, FieldProblem } from './problem.js';

const codeOfKeyword: Record<string, FieldCode> = {
  required: 'required',
  additionalProperties: 'unknown',
  minLength: 'too-short',
  maxLength: 'too-long',
  minItems: 'too-short',
  maxItems: 'too-long',
  format: 'format',
  pattern: 'format',
  type: 'type',
  enum: 'choice',
  const: 'choice',
  anyOf: 'choice',
  oneOf: 'choice',
  minimum: 'range',
  maximum: 'range',
  exclusiveMinimum: 'range',
  exclusiveMaximum: 'range',
};

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerOf(error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>;
  const base = error.instancePath;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${base}/${escapePointerToken(params.missingProperty)}`;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${base}/${escapePointerToken(params.additionalProperty)}`;
  }
  return base;
}

const locationOf: Record<string, 'body' | 'query' | 'path' | 'header'> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Turns the validator's errors into one problem per invalid field, most specific code first. */
export function fieldProblemsOf(errors: FastifySchemaValidationError[], context: string): FieldProblem[] {
  const location = locationOf[context] ?? 'body';
  const byPointer = new Map<string, FieldCode>();
  for (const error of errors) {
    const pointer = pointerOf(error);
    const code = codeOfKeyword[error.keyword] ?? 'invalid';
    const known = byPointer.get(pointer);
    // A union reports each failed branch; the field's problem is that it matched no choice.
    if (!known || code === 'choice') byPointer.set(pointer, code);
  }
  return [...byPointer].map(([pointer, code]) =>
    location === 'body' ? { in: 'body', pointer, code } : { in: location, parameter: pointer.replace(/^\//, '').split('/')[0] ?? '', code },
  );
}
