/** @module A person's notifications in their data export, and erased with the account. */
import type { Database, Executor } from '../core/database/schema.ts';

export async function exportNotifications(db: Database, userId: string) {
  return db.selectFrom('notifications').select(['kind', 'params', 'link', 'created_at', 'read_at']).where('user_id', '=', userId).orderBy('id').execute();
}

export async function eraseNotifications(trx: Executor, userId: string): Promise<void> {
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute();
}
