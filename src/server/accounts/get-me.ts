/** @module The signed-in person as the app sees them: profile, CSRF token and territories with roles. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import type { Me } from './schemas.ts';
import { pendingEmailOf } from './verify-email.ts';

export type { Me } from './schemas.ts';

export async function getMe(db: Executor, viewer: Viewer | null, now: Date = new Date()): Promise<Me> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'email_verified_at'])
    .where('id', '=', viewer.userId)
    .executeTakeFirstOrThrow();
  const territories = await db
    .selectFrom('territory_members as m')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select(['t.slug', 't.name', 'm.roles'])
    .where('m.user_id', '=', viewer.userId)
    .orderBy('t.name')
    .execute();
  return {
    id: user.id,
    email: user.email ?? '',
    displayName: user.display_name ?? '',
    locale: user.locale,
    emailVerified: user.email !== null && user.email_verified_at !== null,
    pendingEmail: await pendingEmailOf(db, viewer.userId, now),
    csrfToken: viewer.csrfToken,
    territories,
  };
}
