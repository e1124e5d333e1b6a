import { Problem, fieldProblem, type FieldCode } from '../platform/http/index.js';
import type { MessageKey } from '../platform/i18n/index.js';
import type { MediaRefusal } from './media-ports.js';
import type { Actor } from './ports.js';

/**
 * Who may name an upload in a report: the public (any public submission or addition), the
 * partner organisation whose key uploaded it, or the staff member who uploaded it. An id
 * used from elsewhere is unknown there.
 */
export type UploadOwner = { kind: 'public'; id: null } | { kind: 'organisation'; id: string } | { kind: 'user'; id: string };

/** The owner of what an actor uploads or submits; null for an actor that cannot upload (the system). */
export function uploadOwnerOf(actor: Actor): UploadOwner | null {
  if (actor.actorType === 'public') return { kind: 'public', id: null };
  if (actor.actorType === 'api_key' && actor.organisationId) return { kind: 'organisation', id: actor.organisationId };
  if (actor.actorType === 'user' && actor.actorId) return { kind: 'user', id: actor.actorId };
  return null;
}

/** A file received in the `file` field of a form. */
export interface ReceivedFile {
  bytes: Uint8Array;
  /** As the sender gave it (the multipart part's filename), checked by `checkFileName`. */
  fileName: string | undefined;
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const forbiddenInName = /[/\\\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]/;

/**
 * A file name is kept only when it is a plain name (the `fileName` of the report format):
 * at most 255 characters, no folder (`/`, `\`), no control character, not `.` or `..`. A name
 * with a path (`../../etc/passwd`, `C:\Users\…`) is refused, not trimmed: browsers send the
 * base name only, so a path is a forged request, and its base name could mislead as much.
 */
export function isPlainFileName(name: string): boolean {
  return name.length <= 255 && name.trim().length > 0 && name !== '.' && name !== '..' && !forbiddenInName.test(name);
}

/** The problem a refused upload is answered with; it names the `file` field. */
export function fileProblem(
  kind: 'validation' | 'payload-too-large' | 'unsupported-media-type' | 'unprocessable' | 'bad-request',
  code: FieldCode,
  detail: MessageKey,
): Problem {
  return new Problem(kind, { fields: [fieldProblem('/file', code)], detail });
}

export function refusalProblem(reason: MediaRefusal): Problem {
  switch (reason) {
    case 'empty':
      return fileProblem('validation', 'too-short', 'detail.media-empty');
    case 'unknown-type':
      return fileProblem('unsupported-media-type', 'choice', 'detail.media-type');
    case 'too-many-pixels':
      return fileProblem('unprocessable', 'range', 'detail.media-too-many-pixels');
    case 'corrupt':
      return fileProblem('unprocessable', 'format', 'detail.media-corrupt');
  }
}
