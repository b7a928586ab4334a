/** @module A person edits their display name and language. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import { getMe, type Me } from './get-me.ts';

export async function updateMe(
  db: Database,
  viewer: Viewer | null,
  changes: { displayName?: string | undefined; locale?: 'fr' | 'en' | undefined },
  now: Date = new Date(),
): Promise<Me> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const displayName = changes.displayName?.trim();
  if (displayName === '') throw invalid('/displayName', 'The display name must not be blank.');
  if (displayName !== undefined || changes.locale !== undefined) {
    await db
      .updateTable('users')
      .set({ ...(displayName ? { display_name: displayName } : {}), ...(changes.locale ? { locale: changes.locale } : {}) })
      .where('id', '=', viewer.userId)
      .execute();
  }
  return getMe(db, viewer, now);
}
