/**
 * @module Serves the built web app and falls back to index.html for its client-side routes. Hashed files under
 * `assets/` are cached for a year (`immutable`), everything else is revalidated (`no-cache`); the build's brotli and
 * gzip copies (`.br`, `.gz`, written by src/web/build/precompress-plugin.ts) are sent to browsers that accept them.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * The first answers a page will ask for, by the API path it will ask them at (`/territories/dijon`), read while the
 * page itself is being sent: the web app takes them from the page instead of waiting one more round trip. Public
 * answers only (the page is sent before anyone is known); null when the page needs none.
 */
export type BootData = (pagePath: string) => Promise<Record<string, unknown> | null>;

/** JSON inside a `<script type="application/json">`: no `</script>` or comment opener can close it early. */
export function bootScript(data: Record<string, unknown>): string {
  return `<script id="maille-boot" type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

export async function registerStaticWeb(app: FastifyInstance, webDir: string, boot?: BootData): Promise<void> {
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
      const data = boot ? await boot(request.url.split('?')[0] ?? '/').catch(() => null) : null;
      if (!data) return reply.header('cache-control', REVALIDATE).sendFile('index.html');
      // Read each time: a rebuild replaces index.html while the server runs (cheap next to the answer itself).
      const page = await readFile(path.join(webDir, 'index.html'), 'utf8');
      const html = page.replace('</head>', `${bootScript(data)}</head>`);
      // The not-found context skips the compression hook the API's answers go through: compressed here (a few KB).
      reply.header('cache-control', REVALIDATE).header('vary', 'accept-encoding').type('text/html; charset=utf-8');
      const accepted = String(request.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(brotliCompressSync(html));
      if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(gzipSync(html));
      return reply.send(html);
    }
    throw new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`);
  });
}
