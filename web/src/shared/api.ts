/** One invalid input named by the server: a JSON pointer into the body (`#/urls/0`) or a parameter. */
export interface ProblemField {
  pointer?: string;
  parameter?: string;
  code: string;
  detail: string;
}

/** An RFC 9457 problem answered by Vigie, already in the language the request asked for. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: ProblemField[],
  ) {
    super(title);
    this.name = 'ApiProblem';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A FormData body is sent as multipart, as is. */
  form?: FormData;
  headers?: Record<string, string>;
  language: string;
}

interface ProblemBody {
  type?: string;
  title?: string;
  detail?: string;
  errors?: ProblemField[];
}

/** Calls Vigie's API on the same origin; a problem answer becomes an ApiProblem, a network failure stays a TypeError. */
export async function request<T>(path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': options.language, ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(path, { method: options.method ?? 'GET', headers, body, credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (parsed ?? {}) as ProblemBody;
    throw new ApiProblem(
      response.status,
      problem.type ?? 'about:blank',
      problem.title ?? response.statusText,
      problem.detail,
      problem.errors ?? [],
    );
  }
  return parsed as T;
}

export function isProblem(error: unknown, type?: string): error is ApiProblem {
  return error instanceof ApiProblem && (type === undefined || error.type === `urn:vigie:problem:${type}`);
}
