/** @module HTTP routes of notifications: mine (newest first, unread count), mark one or all read, my e-mail preference. */
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponses } from '../core/http/schemas.ts';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './list-notifications.ts';
import { getPreferences, setPreferences } from './preferences.ts';
import * as S from './schemas.ts';

const tags = ['notifications'];
const security = [{ session: [] }];

export const notificationRoutes: RouteModule = (app, deps) => {
  app.get('/api/notifications', {
    schema: {
      tags,
      summary: 'List my notifications, newest first, with my unread count',
      operationId: 'listMyNotifications',
      security,
      querystring: S.NotificationQuery,
      response: { 200: S.NotificationList, ...problemResponses },
    },
    handler: async (req) => listNotifications(deps.db, req.viewer, req.query.limit ?? 50),
  });

  app.get('/api/notifications/preferences', {
    schema: {
      tags,
      summary: 'Read my e-mail preference for notifications',
      operationId: 'getMyNotificationPreferences',
      security,
      description: 'My e-mail choice: immediately (default), daily digest (07:00 Paris), weekly digest (Monday 07:00), or never. In-app notifications are always kept.',
      response: { 200: S.Preferences, ...problemResponses },
    },
    handler: async (req) => getPreferences(deps.db, req.viewer),
  });

  app.put('/api/notifications/preferences', {
    schema: {
      tags,
      summary: 'Choose how notifications reach me by e-mail',
      operationId: 'setMyNotificationPreferences',
      security,
      body: S.PreferencesBody,
      response: { 200: S.Preferences, ...problemResponses },
    },
    handler: async (req) => setPreferences(deps, req.viewer, req.body.email),
  });

  app.post('/api/notifications/read', {
    schema: { tags, summary: 'Mark all my notifications read', operationId: 'markAllMyNotificationsRead', security, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await markAllNotificationsRead(deps, req.viewer);
      return reply.status(204).send();
    },
  });

  app.post('/api/notifications/:id/read', {
    schema: { tags, summary: 'Mark one of my notifications read', operationId: 'markMyNotificationRead', security, params: S.NotificationParams, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await markNotificationRead(deps, req.viewer, req.params.id);
      return reply.status(204).send();
    },
  });
};
