import type { MessageKey } from '../i18n/index.js';

/** The kinds of problem Vigie answers with; each has a stable type URI `urn:vigie:problem:<slug>`. */
export const problemKinds = {
  validation: { status: 400, title: 'problem.validation' },
  'bad-request': { status: 400, title: 'problem.bad-request' },
  challenge: { status: 400, title: 'problem.challenge' },
  unauthenticated: { status: 401, title: 'problem.unauthenticated' },
  'login-failed': { status: 401, title: 'problem.login-failed' },
  'second-factor-required': { status: 401, title: 'problem.second-factor-required' },
  forbidden: { status: 403, title: 'problem.forbidden' },
  csrf: { status: 403, title: 'problem.csrf' },
  'setup-token-invalid': { status: 403, title: 'problem.setup-token-invalid' },
  'not-found': { status: 404, title: 'problem.not-found' },
  conflict: { status: 409, title: 'problem.conflict' },
  'payload-too-large': { status: 413, title: 'problem.payload-too-large' },
  'unsupported-media-type': { status: 415, title: 'problem.unsupported-media-type' },
  unprocessable: { status: 422, title: 'problem.unprocessable' },
  'account-locked': { status: 423, title: 'problem.account-locked' },
  'rate-limited': { status: 429, title: 'problem.rate-limited' },
  internal: { status: 500, title: 'problem.internal' },
} as const satisfies Record<string, { status: number; title: MessageKey }>;

export type ProblemKind = keyof typeof problemKinds;

export type FieldCode = 'required' | 'unknown' | 'invalid' | 'too-short' | 'too-long' | 'format' | 'type' | 'choice' | 'range';

/** One invalid input: a JSON pointer into the body, or a named query, path or header parameter. */
export type FieldProblem =
  { in: 'body'; pointer: string; code: FieldCode } | { in: 'query' | 'path' | 'header'; parameter: string; code: FieldCode };

export function problemType(kind: ProblemKind): string {
  return `urn:vigie:problem:${kind}`;
}

/**
 * The only error whose content reaches a client. Anything else thrown in a handler becomes
 * a generic 500, so no internal message can leak by accident.
 */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly kind: ProblemKind,
    readonly options: { fields?: FieldProblem[]; detail?: MessageKey; retryAfterSeconds?: number } = {},
  ) {
    super(kind);
    this.name = 'Problem';
    this.status = problemKinds[kind].status;
  }
}

export function fieldProblem(pointer: string, code: FieldCode): FieldProblem {
  return { in: 'body', pointer, code };
}
