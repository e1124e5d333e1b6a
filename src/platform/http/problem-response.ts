import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { translate, type Language } from '../i18n/index.js';
import { Problem, problemKinds, problemType, type FieldProblem } from './problem.js';
import { fieldProblemsOf } from './validation-errors.js';

const fieldMessage = {
  required: 'field.required',
  unknown: 'field.unknown',
  invalid: 'field.invalid',
  'too-short': 'field.too-short',
  'too-long': 'field.too-long',
  format: 'field.format',
  type: 'field.type',
  choice: 'field.choice',
  range: 'field.range',
} as const;

const problemOfFastifyCode: Record<string, Problem['kind']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad-request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad-request',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported-media-type',
  FST_ERR_BAD_URL: 'bad-request',
};

/** Maps anything thrown to a Problem; what is not known to be safe becomes `internal`. */
export function asProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string };
  if (Array.isArray(fastifyError.validation)) {
    return new Problem('validation', {
      fields: fieldProblemsOf(fastifyError.validation, fastifyError.validationContext ?? 'body'),
    });
  }
  if (fastifyError.statusCode === 429) return new Problem('rate-limited');
  const kind = fastifyError.code ? problemOfFastifyCode[fastifyError.code] : undefined;
  if (kind) return new Problem(kind);
  if (fastifyError.statusCode === 404) return new Problem('not-found');
  return new Problem('internal');
}

export function problemBody(problem: Problem, request: FastifyRequest, language: Language) {
  const fields = (problem.options.fields ?? []).map((field: FieldProblem) => ({
    ...field,
    ...(field.in === 'body' ? { pointer: `#${field.pointer}` } : {}),
    detail: translate(language, fieldMessage[field.code]),
  }));
  return {
    type: problemType(problem.kind),
    title: translate(language, problemKinds[problem.kind].title),
    status: problem.status,
    ...(problem.options.detail ? { detail: translate(language, problem.options.detail) } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(fields.length > 0 ? { errors: fields } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, language: Language): FastifyReply {
  if (problem.options.retryAfterSeconds !== undefined) reply.header('retry-after', problem.options.retryAfterSeconds);
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(problem, reply.request, language));
}
