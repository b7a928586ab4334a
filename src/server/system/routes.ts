/** @module System routes: health, and the mail outbox in demo mode. */
import { Type } from 'typebox';
import { DateTime } from '../core/http/schemas.ts';
import { sql } from 'kysely';
import type { RouteModule } from '../core/http/build-app.ts';
import { AppError } from '../core/errors.ts';
import { listOutbox } from '../core/mailer/outbox.ts';

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export const systemRoutes: RouteModule = (app, { db, databaseKind, version, config }) => {
  app.get('/api/health', {
    schema: {
      tags: ['system'],
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]), version: Type.String() }),
      },
    },
    // Touches the database, so "ok" means the whole path works.
    handler: async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: databaseKind, version };
    },
  });

  app.get('/api/dev/mail', {
    schema: {
      tags: ['system'],
      description: 'Demo mode only: the mail outbox (mails are not sent without SMTP_URL).',
      response: {
        200: Type.Object({
          items: Type.Array(
            Type.Object({ id: Type.String(), to: Type.String(), subject: Type.String(), text: Type.String(), createdAt: DateTime }),
          ),
        }),
      },
    },
    handler: async (request) => {
      // Reset links are in there: only in demo mode, and only to a browser on this very machine
      // (the socket's address, not a forwarded one), so a demo exposed by mistake leaks nothing.
      if (!config.demo || !isLoopback(request.socket.remoteAddress)) {
        throw new AppError('not_found', 'The mail outbox page exists in demo mode, on this machine, only.');
      }
      return { items: await listOutbox(db) };
    },
  });
};
