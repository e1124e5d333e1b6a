export type FileReadProblem = 'missing' | 'not-a-file' | 'unreadable' | 'too-large' | 'changed';

/** A file to hash could not be read: missing, a directory, no permission, over the size cap, or changed while read. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';

  constructor(
    readonly path: string,
    readonly problem: FileReadProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const PROBLEM_OF_CODE: Readonly<Record<string, FileReadProblem>> = {
  ENOENT: 'missing',
  ENOTDIR: 'missing',
  EISDIR: 'not-a-file',
};

/** Wraps a Node file-system error as a FileReadError naming the file. */
export function fileReadError(path: string, error: unknown): FileReadError {
  if (error instanceof FileReadError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const problem = (code && PROBLEM_OF_CODE[code]) || 'unreadable';
  const reason =
    problem === 'missing'
      ? 'no such file'
      : problem === 'not-a-file'
        ? 'it is a directory'
        : error instanceof Error
          ? error.message
          : String(error);
  return new FileReadError(path, problem, `Cannot read ${path}: ${reason}`, { cause: error });
}
