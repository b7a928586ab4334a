/** @module HTTP route of the audit log: admins read their territory's log. */
import { Type } from 'typebox';
import { DateTime, IdParam, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import type { RouteModule } from '../core/http/build-app.ts';
import { requireTerritoryRole, resolveTerritory } from '../territories/access.ts';
import { listAudit } from './list-audit.ts';

export const auditRoutes: RouteModule = (app, { db }) => {
  app.get('/api/territories/:territory/audit', {
    schema: {
      tags: ['audit'],
      params: TerritoryParam,
      querystring: Type.Object(
        {
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          before: Type.Optional(IdParam),
          action: Type.Optional(Type.String({ maxLength: 60 })),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          items: Type.Array(
            Type.Object({
              id: Type.String(),
              at: DateTime,
              actorId: Type.Union([Type.String(), Type.Null()]),
              onBehalfOfId: Type.Union([Type.String(), Type.Null()]),
              actorName: Type.Union([Type.String(), Type.Null()]),
              onBehalfOfName: Type.Union([Type.String(), Type.Null()]),
              action: Type.String(),
              subjectType: Type.Union([Type.String(), Type.Null()]),
              subjectId: Type.Union([Type.String(), Type.Null()]),
              reason: Type.Union([Type.String(), Type.Null()]),
              details: Type.Record(Type.String(), Type.Unknown()),
            }),
          ),
        }),
        ...problemResponses,
      },
    },
    handler: async (request) => {
      const territory = await resolveTerritory(db, request.params.territory);
      await requireTerritoryRole(db, territory, request.viewer, ['admin']);
      return { items: await listAudit(db, territory.id, request.query) };
    },
  });
};
