import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Problem, type FieldCode, type FieldProblem, type HttpApp } from '../platform/http/index.js';

/**
 * Reports arrive from the public and from partners' systems, so their routes validate
 * strictly: no type coercion (a string "true" is not a boolean, a string is not a list),
 * a body that is valid UTF-8 JSON or nothing, and at most `maxFieldProblems` problems
 * named in the answer however many the input holds.
 */
const maxFieldProblems = 100;

const codeOfKeyword: Record<string, FieldCode> = {
  required: 'required',
  additionalProperties: 'unknown',
  boolean: 'unknown',
  minLength: 'too-short',
  maxLength: 'too-long',
  minItems: 'too-short',
  maxItems: 'too-long',
  minProperties: 'required',
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

interface ValidationError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const names = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function pointersOf(error: ValidationError): string[] {
  if (error.keyword === 'required') return names(error.params.requiredProperties).map((p) => `${error.instancePath}/${escapeToken(p)}`);
  if (error.keyword === 'additionalProperties') {
    return names(error.params.additionalProperties).map((p) => `${error.instancePath}/${escapeToken(p)}`);
  }
  return [error.instancePath];
}

const locationOf = { body: 'body', querystring: 'query', params: 'path', headers: 'header' } as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The lists longer than their schema allows. The validator reports at most a few errors and
 * checks a list's items before its length, so 10,000 bad items would hide the real problem.
 * Lists within their cap are walked, so the walk is bounded by the caps themselves.
 */
export function* oversizedLists(schema: Json, data: unknown, pointer = ''): Generator<string> {
  if (Array.isArray(data)) {
    if (typeof schema.maxItems === 'number' && data.length > schema.maxItems) {
      yield pointer;
      return;
    }
    const items = schema.items;
    if (isObject(items)) for (const [i, item] of data.entries()) yield* oversizedLists(items, item, `${pointer}/${i}`);
  } else if (isObject(data) && isObject(schema.properties)) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (isObject(sub) && Object.hasOwn(data, name)) yield* oversizedLists(sub, data[name], `${pointer}/${escapeToken(name)}`);
    }
  }
}

export function fieldProblemsOf(
  errors: readonly ValidationError[],
  httpPart: string | undefined,
  oversized: readonly string[] = [],
): FieldProblem[] {
  const byPointer = new Map<string, FieldCode>(oversized.map((pointer) => [pointer, 'too-long']));
  for (const error of errors) {
    const code = codeOfKeyword[error.keyword] ?? 'invalid';
    for (const pointer of pointersOf(error)) {
      // A union reports each failed branch; the field's problem is that it matched none.
      if (!byPointer.has(pointer) || code === 'choice') byPointer.set(pointer, code);
    }
  }
  // The most general problems first (a list that is too long, before each of its items).
  const depth = (pointer: string) => pointer.split('/').length;
  const kept = [...byPointer].sort(([a], [b]) => depth(a) - depth(b)).slice(0, maxFieldProblems);
  const location = locationOf[(httpPart ?? 'body') as keyof typeof locationOf] ?? 'body';
  return kept.map(([pointer, code]): FieldProblem =>
    location === 'body' ? { in: 'body', pointer, code } : { in: location, parameter: pointer.split('/')[1] ?? '', code },
  );
}

/** Validates a route's parts with TypeBox's compiled validator, from the route's own schemas. */
export const strictValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = Compile(schema);
  return (data: unknown) => {
    if (validator.Check(data)) return { value: data };
    const oversized = [...oversizedLists(schema as unknown as Json, data)];
    return { error: new Problem('validation', { fields: fieldProblemsOf(validator.Errors(data), httpPart, oversized) }) };
  };
};

const wholeBody = (code: FieldCode): FieldProblem[] => [{ in: 'body', pointer: '', code }];

/**
 * In the scope of the report routes, only JSON is parsed, and only when its bytes are valid
 * UTF-8 (the default parser would silently replace invalid bytes); any other content type
 * is answered 415, naming the Content-Type header.
 */
export function acceptStrictJsonOnly(scope: HttpApp): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decoder.decode(body as Buffer);
    } catch {
      done(new Problem('bad-request', { detail: 'detail.body-not-utf8', fields: wholeBody('format') }), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) done(new Problem('bad-request', { detail: 'detail.body-not-json', fields: wholeBody('format') }), undefined);
      else done(null, value);
    });
  });
  scope.addContentTypeParser('*', (_request, _payload, done) => {
    done(new Problem('unsupported-media-type', { fields: [{ in: 'header', parameter: 'content-type', code: 'choice' }] }), undefined);
  });
}
