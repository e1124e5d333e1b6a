/** English catalogue of the server's user-facing messages; the French one must have the same keys. */
export const en = {
  'problem.validation': 'Some fields are invalid',
  'problem.unauthenticated': 'Sign-in required',
  'problem.forbidden': 'You are not allowed to do this',
  'problem.not-found': 'Not found',
  'problem.conflict': 'This conflicts with the current state',
  'problem.payload-too-large': 'The request is too large',
  'problem.unsupported-media-type': 'This content type is not accepted',
  'problem.rate-limited': 'Too many requests; try again later',
  'problem.csrf': 'The request is missing its anti-forgery token',
  'problem.login-failed': 'Sign-in failed',
  'problem.account-locked': 'Too many failed attempts; the account is locked for a while',
  'problem.second-factor-required': 'The second factor is required',
  'problem.setup-token-invalid': 'This setup link is invalid or already used',
  'problem.bad-request': 'The request could not be understood',
  'problem.internal': 'Something went wrong on our side',
  'problem.challenge': 'The anti-flooding check did not pass; please try again',
  'field.required': 'This field is required',
  'field.unknown': 'This field is not expected',
  'field.invalid': 'This value is not valid',
  'field.too-short': 'This value is too short',
  'field.too-long': 'This value is too long',
  'field.format': 'This value does not have the expected format',
  'field.type': 'This value has the wrong type',
  'field.choice': 'This value is not one of the allowed choices',
  'field.range': 'This value is out of range',
  // reports: intake
  'detail.body-not-utf8': 'The request body is not valid UTF-8',
  'detail.body-not-json': 'The request body is not valid JSON',
  'detail.idempotency-key-reused': 'This idempotency key was already used for a different request',
  // platform/challenge: proof of work against flooding
  'detail.challenge-missing': 'The solved anti-flooding challenge is missing',
  'detail.challenge-invalid': 'The anti-flooding challenge is not solved or not valid',
  'detail.challenge-expired': 'The anti-flooding challenge has expired; ask for a new one',
  'detail.challenge-used': 'This anti-flooding challenge was already used; ask for a new one',
} as const;

export type MessageKey = keyof typeof en;
