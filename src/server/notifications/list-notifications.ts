/** @module A person's notifications, newest first, with the unread count; marking one read. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { JsonValue } from '../audit/index.ts';
import type { Notification, NotificationList } from './schemas.ts';

/** One notification as its person reads it: the `Notification` response schema. */
export type NotificationView = Notification;

function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  return viewer;
}

export async function listNotifications(db: Database, viewer: Viewer | null, limit = 50): Promise<NotificationList> {
  const me = requireViewer(viewer);
  const [rows, unread] = await Promise.all([
    db.selectFrom('notifications').selectAll().where('user_id', '=', me.userId).orderBy('id', 'desc').limit(limit).execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', me.userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, territoryId: r.territory_id, kind: r.kind, params: r.params as { [key: string]: JsonValue }, link: r.link, createdAt: r.created_at, readAt: r.read_at })),
    unread: Number(unread.n),
  };
}

/** Marks one of the viewer's notifications read (again: no change); someone else's is a 404. */
export async function markNotificationRead(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer | null, id: string): Promise<void> {
  const me = requireViewer(viewer);
  const row = await deps.db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', me.userId).executeTakeFirst();
  if (!row) throw notFound('Notification');
  if (row.read_at === null) await deps.db.updateTable('notifications').set({ read_at: deps.clock.now() }).where('id', '=', row.id).execute();
}

/** Marks all the viewer's notifications read. */
export async function markAllNotificationsRead(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer | null): Promise<void> {
  const me = requireViewer(viewer);
  await deps.db.updateTable('notifications').set({ read_at: deps.clock.now() }).where('user_id', '=', me.userId).where('read_at', 'is', null).execute();
}
