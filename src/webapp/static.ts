import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { HttpApp } from '../platform/http/index.js';

/** Where `npm install` / `npm start` build the front end (web/build.mjs). */
export const defaultWebDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const publicAccess = { access: { public: true } } as const;
const hidden = { hide: true };
const assetName = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;
/** The compressed copies are served in place of their file, never by their own name. */
const compressedCopy = /\.(?:br|gz)$/;

/**
 * Serves the built front end: the portal at /, the console at /console/ (and its own paths,
 * which the browser routes), the neutral quick-exit page at /recettes/. File names under
 * /assets/ carry a hash of their content, so they are cached for good; the pages are never
 * cached, so that a new version is picked up at once. Each file may be sent compressed (the
 * build's copies), so each answer varies by Accept-Encoding for shared caches.
 */
export async function serveWeb(app: HttpApp, root: string, onMissing: (root: string) => void): Promise<void> {
  const built = existsSync(`${root}/index.html`);
  if (!built) onMissing(root);
  // web/build.mjs writes name.br and name.gz beside each text file: sent to browsers that accept them.
  await app.register(fastifyStatic, { root, serve: false, decorateReply: true, preCompressed: true });

  const page = (file: string) => (_request: unknown, reply: FastifyReply) => {
    if (!built) return reply.callNotFound();
    reply.header('cache-control', 'no-store');
    reply.header('vary', 'accept-encoding');
    return reply.sendFile(file, { cacheControl: false });
  };
  app.get('/', { config: publicAccess, schema: hidden }, page('index.html'));
  app.get('/follow', { config: publicAccess, schema: hidden }, page('index.html'));
  app.get('/console', { config: publicAccess, schema: hidden }, page('console/index.html'));
  app.get('/console/*', { config: publicAccess, schema: hidden }, page('console/index.html'));
  app.get('/recettes', { config: publicAccess, schema: hidden }, page('recettes/index.html'));
  app.get('/favicon.svg', { config: publicAccess, schema: hidden }, (_request, reply) => {
    reply.header('cache-control', 'public, max-age=86400');
    reply.header('vary', 'accept-encoding');
    return reply.sendFile('favicon.svg', { cacheControl: false });
  });
  app.get<{ Params: { '*': string } }>('/assets/*', { config: publicAccess, schema: hidden }, (request, reply) => {
    // Built assets are single file names (name-hash.ext): anything else, `..` included, is not one of them.
    const name = request.params['*'];
    if (!assetName.test(name) || compressedCopy.test(name)) return reply.callNotFound();
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.header('vary', 'accept-encoding');
    return reply.sendFile(`assets/${name}`, { cacheControl: false });
  });
}
