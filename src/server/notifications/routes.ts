/** @module HTTP routes of notifications: mine (newest first, unread count), mark one or all read, my e-mail preference. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { DateTime, IdParam, NoContent, problemResponses, StringEnum } from '../core/http/schemas.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './list-notifications.ts';
import { EMAIL_PREFERENCES } from './email-preference.ts';
import { getPreferences, setPreferences } from './preferences.ts';

const tags = ['notifications'];

const NotificationSchema = Type.Object({
  id: Type.String(),
  territoryId: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  readAt: Type.Union([DateTime, Type.Null()]),
});

export const notificationRoutes: RouteModule = (app, deps) => {
  app.get('/api/notifications', {
    schema: {
      tags,
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(NotificationSchema), unread: Type.Integer() }), ...problemResponses },
    },
    handler: async (req) => listNotifications(deps.db, req.viewer, req.query.limit ?? 50),
  });

  const Preferences = Type.Object({ email: StringEnum(EMAIL_PREFERENCES), hasEmail: Type.Boolean(), lastDigestAt: Type.Union([DateTime, Type.Null()]) });

  app.get('/api/notifications/preferences', {
    schema: { tags, description: 'My e-mail choice: immediately (default), daily digest (07:00 Paris), weekly digest (Monday 07:00), or never. In-app notifications are always kept.', response: { 200: Preferences, ...problemResponses } },
    handler: async (req) => getPreferences(deps.db, req.viewer),
  });

  app.put('/api/notifications/preferences', {
    schema: {
      tags,
      body: Type.Object({ email: StringEnum(EMAIL_PREFERENCES) }, { additionalProperties: false }),
      response: { 200: Preferences, ...problemResponses },
    },
    handler: async (req) => setPreferences(deps, req.viewer, req.body.email),
  });

  app.post('/api/notifications/read', {
    schema: { tags, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await markAllNotificationsRead(deps, req.viewer);
      return reply.status(204).send();
    },
  });

  app.post('/api/notifications/:id/read', {
    schema: { tags, params: Type.Object({ id: IdParam }), response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await markNotificationRead(deps, req.viewer, req.params.id);
      return reply.status(204).send();
    },
  });
};
