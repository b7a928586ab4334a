/** @module Who an audit entry names: the person, or the mediator acting for them in a mediation session. */
import type { Viewer } from '../core/auth/sessions.ts';

/** `actorId` and `onBehalfOfId` for recordAudit: "by mediator M on behalf of R" when a mediator acts, else the viewer. */
export function auditActor(viewer: Pick<Viewer, 'userId' | 'mediatorId'>): { actorId: string; onBehalfOfId: string | null } {
  return viewer.mediatorId ? { actorId: viewer.mediatorId, onBehalfOfId: viewer.userId } : { actorId: viewer.userId, onBehalfOfId: null };
}
