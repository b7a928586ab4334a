/** @module A person's e-mail preference for notifications: immediately (the default), daily or weekly digest, or never. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database, Executor } from '../core/database/schema.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import type { EmailPreference } from './tables.ts';
import { DEFAULT_EMAIL_PREFERENCE } from './email-preference.ts';
import type { Preferences } from './schemas.ts';

/** My e-mail choice, whether I have an address, when my last digest went out: the `Preferences` response schema. */
export type PreferencesView = Preferences;

function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  return viewer;
}

export async function findEmailPreference(db: Executor, userId: string): Promise<EmailPreference> {
  const row = await db.selectFrom('notification_preferences').select('email').where('user_id', '=', userId).executeTakeFirst();
  return row?.email ?? DEFAULT_EMAIL_PREFERENCE;
}

export async function getPreferences(db: Database, viewer: Viewer | null): Promise<PreferencesView> {
  const me = requireViewer(viewer);
  const [email, user, digest] = await Promise.all([
    findEmailPreference(db, me.userId),
    db.selectFrom('users').select('email').where('id', '=', me.userId).executeTakeFirstOrThrow(),
    db.selectFrom('notification_digests').select('sent_at').where('user_id', '=', me.userId).orderBy('sent_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  return { email, hasEmail: user.email !== null, lastDigestAt: digest?.sent_at ?? null };
}

/** Sets the preference (the same again: no change). Held notifications follow the new choice at the next digest run. */
export async function setPreferences(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer | null, email: EmailPreference): Promise<PreferencesView> {
  const me = requireViewer(viewer);
  await deps.db
    .insertInto('notification_preferences')
    .values({ user_id: me.userId, email, updated_at: deps.clock.now() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email, updated_at: deps.clock.now() }))
    .execute();
  return getPreferences(deps.db, viewer);
}
