import { readFileSync } from 'node:fs';
import type { HttpApp } from '../platform/http/index.js';

const assets = {
  'setup.js': 'text/javascript; charset=utf-8',
  'messages.js': 'text/javascript; charset=utf-8',
  'setup.css': 'text/css; charset=utf-8',
} as const;

function asset(name: string): Buffer {
  return readFileSync(new URL(`./setup-page/${name}`, import.meta.url));
}

/**
 * The first-start page: creates the first administrator with the one-time token from the
 * link printed at start (kept in the URL fragment, so it never reaches a log), then signs
 * in and enrols the second factor.
 */
export function setupPage(app: HttpApp): void {
  const page = asset('index.html');
  const files = new Map(Object.entries(assets).map(([name, type]) => [name, { body: asset(name), type }]));
  const publicAccess = { access: { public: true } } as const;
  app.get('/setup', { config: publicAccess, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
  app.get<{ Params: { file: string } }>('/setup/:file', { config: publicAccess, schema: { hide: true } }, (request, reply) => {
    const file = files.get(request.params.file);
    if (!file) return reply.callNotFound();
    return reply.type(file.type).send(file.body);
  });
}
