/** The input could not be decoded as an image (missing, unreadable, corrupt or not an image). */
export class PdqDecodeError extends Error {
  override readonly name = 'PdqDecodeError';
}
