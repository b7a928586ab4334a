/**
 * @module Requests made inside a session on behalf: `actingForHook`, registered at core/http/viewer.ts's hook point by
 * the composition root, turns a mediator's request
 * carrying `x-maille-acting-for: <sessionId>` into a request AS the resident, after checking the session, and records
 * every such request in the audit log (`mediation.acted`, "by mediator M on behalf of R").
 */
import type { VIEWER_HOOK_REASONS } from '../core/http/schemas.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Clock } from '../core/clock.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import type { ViewerHook } from '../core/http/viewer.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActiveConsent } from './access.ts';
import { ACTING_FOR_HEADER, endsSession, forbiddenWhileActing, sessionState } from './model.ts';

export interface ActingRequest {
  method: string;
  /** The matched route's pattern, e.g. `/api/territories/:territory/commitments/:id/sign`. */
  route: string | undefined;
  /** The `:territory` parameter of the route, if any. */
  territorySlug: string | undefined;
}

export interface Acting {
  viewer: Viewer;
  territoryId: string;
}

const refuse = (reason: (typeof VIEWER_HOOK_REASONS)[number], detail: string) => new AppError('forbidden', detail, { reason });

/**
 * The resident's viewer for a valid session of this mediator, or a 403: `not_your_session` (unknown, someone
 * else's, no longer a mediator), `session_expired` (ended or past its 30 minutes), `not_while_acting` (a route a
 * mediator may not use for someone, or another territory), `no_consent` (the person is not, or no longer, an assisted
 * account with active consent: a session row never outlives the consent it was opened on).
 */
export async function actAs(db: Executor, clock: Clock, mediator: Viewer | null, header: string | string[], request: ActingRequest): Promise<Acting> {
  if (!mediator) throw new AppError('unauthenticated', `Sign in first to use ${ACTING_FOR_HEADER}.`);
  if (mediator.mediatorId) throw refuse('not_your_session', 'A session on behalf cannot be nested.');
  const id = Array.isArray(header) ? header[0] : header;
  if (!id || !/^[0-9]{1,18}$/.test(id)) throw refuse('not_your_session', `${ACTING_FOR_HEADER} must name one of your sessions on behalf.`);
  const session = await db
    .selectFrom('mediation_sessions as s')
    .innerJoin('territories as t', 't.id', 's.territory_id')
    .innerJoin('territory_members as m', (join) => join.onRef('m.territory_id', '=', 's.territory_id').onRef('m.user_id', '=', 's.mediator_id'))
    .select(['s.id', 's.territory_id', 's.mediator_id', 's.resident_id', 's.expires_at', 's.ended_at', 't.slug', 'm.roles'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!session || session.mediator_id !== mediator.userId || !session.roles.includes('mediator')) {
    throw refuse('not_your_session', 'This session on behalf is not yours.');
  }
  if (sessionState(session, clock.now()) !== 'open') {
    throw refuse('session_expired', 'This session on behalf has ended or passed its 30 minutes; start a new one to keep acting for this person.');
  }
  if (forbiddenWhileActing(request.method, request.route) || (request.territorySlug !== undefined && request.territorySlug !== session.slug)) {
    throw refuse('not_while_acting', 'A mediator cannot do this on someone’s behalf; end the session first.');
  }
  if (!endsSession(request.method, request.route)) await requireActiveConsent(db, session.territory_id, session.resident_id);
  return {
    viewer: { ...mediator, userId: session.resident_id, mediatorId: mediator.userId, mediationSessionId: session.id },
    territoryId: session.territory_id,
  };
}

/** One audit entry per request made inside a session: method, route and answer status, by M on behalf of R. */
export async function recordActed(
  db: Executor,
  acting: Acting,
  request: { method: string; route: string | undefined; status: number; requestId: string },
  at: Date,
): Promise<void> {
  await recordAudit(db, {
    territoryId: acting.territoryId,
    actorId: acting.viewer.mediatorId ?? null,
    onBehalfOfId: acting.viewer.userId,
    action: 'mediation.acted',
    subjectType: 'mediation_session',
    subjectId: acting.viewer.mediationSessionId!,
    details: { method: request.method, route: request.route ?? null, status: request.status },
    requestId: request.requestId,
    at,
  });
}

/** The viewer hook: a request carrying `x-maille-acting-for` runs as the resident and is audited once answered. */
export const actingForHook: ViewerHook = async (request, viewer, deps) => {
  const header = request.headers[ACTING_FOR_HEADER];
  if (header === undefined) return null;
  const params = request.params as Record<string, string> | undefined;
  const route = request.routeOptions.url;
  const acting = await actAs(deps.db, deps.clock, viewer, header, { method: request.method, route, territorySlug: params?.territory });
  return {
    viewer: acting.viewer,
    settle: (status) => recordActed(deps.db, acting, { method: request.method, route, status, requestId: request.id }, deps.clock.now()),
  };
};
