/** @module Notification answers as the web app reads them: the server's response schemas, dates as ISO strings. */
import type { Notification, NotificationList as ServerNotificationList, Preferences } from '../../server/notifications/schemas.ts';
import type { Wire } from '../core/wire.ts';

/** An in-app notification (GET /api/notifications). */
export type AppNotification = Wire<Notification>;
export type NotificationList = Wire<ServerNotificationList>;
export type NotificationPreferences = Wire<Preferences>;

/** A text parameter of a notification, or "" when it has none. */
export function textParam(n: AppNotification, key: string): string {
  const value = n.params[key];
  return typeof value === 'string' ? value : '';
}

/** A number parameter of a notification, or 0 when it has none. */
export function numberParam(n: AppNotification, key: string): number {
  const value = n.params[key];
  return typeof value === 'number' ? value : 0;
}
