/**
 * @module Serves the built web app and falls back to index.html for its client-side routes. Hashed files under
 * `assets/` are cached for a year (`immutable`), everything else is revalidated (`no-cache`); the build's brotli and
 * gzip copies (`.br`, `.gz`, written by src/web/build/precompress-plugin.ts) are sent to browsers that accept them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export async function registerStaticWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      // send's own `max-age=0` would overwrite the header set below.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('cache-control', path.relative(webDir, filePath).startsWith(`assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (wantsPage && hasWeb) {
      return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    }
    throw new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`);
  });
}
