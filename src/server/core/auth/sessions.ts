/** @module Server-side sessions: created at sign-in, looked up per request, deleted at sign-out. */
import type { Clock } from '../clock.ts';
import type { Executor } from '../database/schema.ts';
import { digest, newSecret } from './tokens.ts';

export interface Viewer {
  userId: string;
  sessionId: string;
  csrfToken: string;
  /**
   * Set when a mediator acts for the resident `userId` inside a time-boxed mediation session: every write is then
   * audited "by mediator M on behalf of R" (see audit/actor.ts). Filled by the mediation capability.
   */
  mediatorId?: string;
  mediationSessionId?: string;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Executor,
  clock: Clock,
  userId: string,
  days: number,
): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(clock.now().getTime() + days * 86_400_000);
  await db
    .insertInto('sessions')
    .values({ id: digest(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt, created_at: clock.now() })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The viewer for a session token, or null when unknown, expired or the account is erased. */
export async function findViewer(db: Executor, clock: Clock, token: string): Promise<Viewer | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.user_id', 'sessions.csrf_token'])
    .where('sessions.id', '=', digest(token))
    .where('sessions.expires_at', '>', clock.now())
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? { userId: row.user_id, sessionId: row.id, csrfToken: row.csrf_token } : null;
}

/** True while the session exists, has not expired and its person is not erased (live streams re-ask it). */
export async function isSessionLive(db: Executor, clock: Clock, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select('sessions.id')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', clock.now())
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
