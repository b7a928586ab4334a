/** @module The operator's view of the periodic jobs: each job's state (next due, who runs it, failures in a row) and its latest runs. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { DateTime, problemResponses, StringEnum } from '../core/http/schemas.ts';
import { listJobs } from '../core/jobs-store.ts';
import { requireAdminOfATerritory } from '../territories/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const JobsView = Type.Object({
  jobs: Type.Array(
    Type.Object({
      name: Type.String({ description: '`<capability>.<job>`' }),
      nextRunAt: DateTime,
      runningSince: Nullable(DateTime),
      runner: Nullable(Type.String({ description: 'host:pid of the process running it now' })),
      failures: Type.Integer({ minimum: 0, description: 'failed runs in a row; the next attempt waits 30 s × 2^(failures − 1), at most an hour' }),
    }),
  ),
  runs: Type.Array(
    Type.Object({
      id: Type.String(),
      job: Type.String(),
      attempt: Type.Integer({ minimum: 1 }),
      runner: Type.String(),
      status: StringEnum(['running', 'succeeded', 'failed'] as const),
      startedAt: DateTime,
      finishedAt: Nullable(DateTime),
      summary: Nullable(Type.String()),
      error: Nullable(Type.String()),
    }),
  ),
});

export const jobRoutes: RouteModule = (app, { db }) => {
  app.get('/api/jobs', {
    schema: {
      tags: ['system'],
      summary: 'List the periodic jobs and their latest runs, failures first to the eye (admins)',
      operationId: 'listJobs',
      security: [{ session: [] }],
      description: 'An admin of a territory: every periodic job (when it is next due, the process running it, failures in a row) and its latest runs, kept 14 days; `failed=true` lists failed runs only.',
      querystring: Type.Object(
        { failed: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) },
        { additionalProperties: false },
      ),
      response: { 200: JobsView, ...problemResponses },
    },
    handler: async (request) => {
      await requireAdminOfATerritory(db, request.viewer);
      return listJobs(db, { limit: request.query.limit ?? 50, failedOnly: request.query.failed ?? false });
    },
  });
};
