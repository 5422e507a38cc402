import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound, renderError } from './errors.ts';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/**
 * Serves the built web app from the same origin as the API. Hashed assets are cached for a year; every other
 * path that is not an API route gets index.html so the client router can take it.
 */
export async function installWeb(app: FastifyInstance, dir = webDistDir) {
  const hasBuild = fs.existsSync(path.join(dir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // With wildcard: false, @fastify/static has already added a route for every file in the build, top-level
    // files (manifest, icons) included; registering them again throws. This covers assets added after start.
    app.get('/assets/*', { schema: { hide: true } }, (req, reply) => reply.sendFile((req.params as { '*': string })['*'], path.join(dir, 'assets')));
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (isPage && hasBuild) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    if (isPage) {
      return reply
        .type('text/plain')
        .status(503)
        .send('The Kindred web app has not been built. Run `npm start` (it builds it) or `npm run build:web`.');
    }
    return reply.status(404).send(renderError(notFound(), request.headers['accept-language']));
  });
}
