/** @module Whether a viewer acting for a resident is still inside an open session on behalf (live streams re-ask it). */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { sessionState } from './model.ts';

/** True for a viewer acting for nobody, or acting inside a session on behalf that is still open. */
export async function stillActing(db: Executor, viewer: Viewer, now: Date): Promise<boolean> {
  if (!viewer.mediationSessionId) return true;
  const session = await db.selectFrom('mediation_sessions').select(['expires_at', 'ended_at']).where('id', '=', viewer.mediationSessionId).executeTakeFirst();
  return session !== undefined && sessionState(session, now) === 'open';
}
