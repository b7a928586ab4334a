/** @module System routes: health, and the mail outbox in demo mode. */
import { sql } from 'kysely';
import type { RouteModule } from '../core/http/build-app.ts';
import { AppError } from '../core/errors.ts';
import { listOutbox } from '../core/mailer/outbox.ts';
import { problemResponses } from '../core/http/schemas.ts';
import { requireAdminOfATerritory } from '../territories/index.ts';
import * as S from './schemas.ts';

export const systemRoutes: RouteModule = (app, { db, databaseKind, version, config }) => {
  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Check that Maille and its database answer',
      operationId: 'getHealth',
      security: [],
      response: { 200: S.Health, ...problemResponses },
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
      summary: 'Read the mail outbox (demo mode, admins)',
      operationId: 'listDemoMail',
      security: [{ session: [] }],
      description: 'Demo mode only, for a signed-in admin of a territory: the mail outbox (mails are not sent without SMTP_URL).',
      response: {
        ...problemResponses,
        200: S.DemoMailList,
      },
    },
    handler: async (request) => {
      // Reset and sign-in links are in there. Where the request came from proves nothing (a proxy on the same
      // host makes every visitor local), so the outbox exists in demo mode only and opens to an admin only.
      if (!config.demo) throw new AppError('not_found', 'The mail outbox exists in demo mode only.');
      await requireAdminOfATerritory(db, request.viewer);
      return { items: await listOutbox(db) };
    },
  });
};
