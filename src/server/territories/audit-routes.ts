/**
 * @module HTTP route of the audit log: admins read their territory's log. It lives with territories, which decide who is
 * an admin; audit, below every capability, only records and reads.
 */
import { problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import type { RouteModule } from '../core/http/build-app.ts';
import { auditSchemas as S } from '../audit/index.ts';
import { readAuditLog } from './read-audit-log.ts';

export const auditRoutes: RouteModule = (app, deps) => {
  app.get('/api/territories/:territory/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Read the territory’s audit log, newest first (admins)',
      operationId: 'listAuditLog',
      security: [{ session: [] }],
      params: TerritoryParam,
      querystring: S.AuditQuery,
      response: { 200: S.AuditPage, ...problemResponses },
    },
    handler: async (request) => readAuditLog(deps, request.scope, request.query),
  });
};
