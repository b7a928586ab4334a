/** @module Local administration of an embedded-database Maille: the `maille` CLI reads mail and takes backups through the running process. */
import { timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { digest } from '../core/auth/tokens.ts';
import type { LocalDataDir } from '../core/database/connect.ts';
import { AppError } from '../core/errors.ts';
import type { TypedApp } from '../core/http/build-app.ts';
import { DateTime, problemResponses } from '../core/http/schemas.ts';
import { listOutbox } from '../core/mailer/outbox.ts';
import type { Database } from '../core/database/schema.ts';

const tags = ['system'];
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
      description: `The most recent mails of the outbox (\`maille mail list\`). ${description}`,
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
      response: {
        200: Type.Object({
          items: Type.Array(
            Type.Object({ id: Type.String(), to: Type.String(), subject: Type.String(), text: Type.String(), createdAt: DateTime, sentAt: Type.Union([DateTime, Type.Null()]) }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      requireLocalAdmin(request, local);
      return { items: await listOutbox(db, request.query.limit ?? 20) };
    },
  });

  app.get('/api/local/backup', {
    schema: {
      tags,
      description: `A backup of the data folder: a gzipped tarball that \`maille restore\` loads (\`maille backup\`). ${description}`,
      response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...problemResponses },
    },
    handler: async (request, reply) => {
      requireLocalAdmin(request, local);
      const dump = Buffer.from(await (await local.dump()).arrayBuffer());
      return reply.type('application/gzip').send(dump);
    },
  });
}
