/** @module Local administration of an embedded-database Maille: the `maille` CLI reads mail and takes backups through the running process. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { digest } from '../core/auth/tokens.ts';
import type { LocalDataDir } from '../core/database/connect.ts';
import { AppError } from '../core/errors.ts';
import type { TypedApp } from '../core/http/build-app.ts';
import { problemResponses } from '../core/http/schemas.ts';
import { listOutbox } from '../core/mailer/outbox.ts';
import type { Database } from '../core/database/schema.ts';
import * as S from './schemas.ts';

const tags = ['system'];
const security = [{ localToken: [] }];
const description =
  'Local administration: needs `Authorization: Bearer <token>` with the token of the data folder\'s lock file, ' +
  'which only the account that runs Maille can read. Embedded database only.';

/**
 * The bearer must hold the token written in the lock file. Anything else answers like an unknown route: the CLI
 * is the only client, and the routes' existence tells an outsider nothing.
 */
function requireLocalAdmin(request: FastifyRequest, local: LocalDataDir): void {
  const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const ok = timingSafeEqual(Buffer.from(digest(given)), Buffer.from(digest(local.lock.owner.token)));
  if (!ok) throw new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`);
}

export function localAdminRoutes(app: TypedApp, deps: { db: Database; local: LocalDataDir }): void {
  const { db, local } = deps;

  app.get('/api/local/mail', {
    schema: {
      tags,
      summary: 'List the most recent mails of the outbox (local administration)',
      operationId: 'listLocalMail',
      security,
      description: `The most recent mails of the outbox (\`maille mail list\`). ${description}`,
      querystring: S.LocalMailQuery,
      response: { 200: S.LocalMailList, ...problemResponses },
    },
    handler: async (request) => {
      requireLocalAdmin(request, local);
      return { items: await listOutbox(db, request.query.limit ?? 20) };
    },
  });

  app.get('/api/local/backup', {
    schema: {
      tags,
      summary: 'Download a backup of the data folder (local administration)',
      operationId: 'downloadLocalBackup',
      security,
      description: `A backup of the data folder: a gzipped tarball that \`maille restore\` loads (\`maille backup\`). ${description}`,
      response: { 200: { description: 'the backup', content: { 'application/gzip': { schema: S.Backup } } }, ...problemResponses },
    },
    handler: async (request, reply) => {
      requireLocalAdmin(request, local);
      const dump = Buffer.from(await (await local.dump()).arrayBuffer());
      return reply.type('application/gzip').send(dump);
    },
  });
}
