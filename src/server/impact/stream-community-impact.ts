/**
 * @module The live community page (SSE): a "gesture" event when one of its members records one. The viewer's right
 * is asked again on every event and heartbeat: a member removed from a private community, a signed-out session or an
 * ended session on behalf closes the stream. Outside the community, events come only while it has at least
 * PRIVACY_MIN_GROUP active members: the instant of a gesture in a group of one is that person's.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSessionLive, type Viewer } from '../core/auth/sessions.ts';
import type { AppDeps } from '../core/http/context.ts';
import { openEventStream } from '../core/http/event-stream.ts';
import type { ScopeTerritory } from '../core/http/scope.ts';
import { isShown } from '../core/privacy/small-group.ts';
import { resolveVisibleCommunity } from '../communities/index.ts';
import { stillActing } from '../mediation/index.ts';

async function stillAllowed(deps: AppDeps, territory: ScopeTerritory, id: string, viewer: Viewer | null): Promise<{ insider: boolean }> {
  if (viewer && !((await isSessionLive(deps.db, deps.clock, viewer.sessionId)) && (await stillActing(deps.db, viewer, deps.clock.now())))) {
    throw new Error('session ended');
  }
  const { membership } = await resolveVisibleCommunity(deps.db, territory, id, viewer);
  return { insider: membership?.status === 'active' };
}

export async function streamCommunityImpact(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, params: { id: string }): Promise<void> {
  const { db, bus } = deps;
  const { territory, viewer } = request.scope;
  const { community } = await resolveVisibleCommunity(db, territory, params.id, viewer);
  let insider = false;
  const check = async () => {
    insider = (await stillAllowed(deps, territory, params.id, viewer)).insider;
    return true;
  };
  await check();
  // Events are handled one after the other, so a removal is seen before any later gesture.
  let queue = Promise.resolve();
  let unsubscribe = () => {};
  const stream = await openEventStream(request, reply, deps, { stillAllowed: check, onClose: () => unsubscribe() });
  unsubscribe = bus.subscribe('gesture.recorded', (event) => {
    // A member's gesture in another territory is none of this page's business.
    if (event.territoryId !== territory.id) return;
    queue = queue.then(async () => {
      if (!(await stream.recheck())) return;
      const members = await db
        .selectFrom('community_members')
        .select([(eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.count<string>('user_id').filterWhere('user_id', '=', event.userId).as('mine')])
        .where('community_id', '=', community.id)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      if (Number(members.mine) === 0) return;
      if (!insider && !isShown(Number(members.n), deps.config.privacyMinGroup)) return;
      stream.send('gesture', { communityId: community.id, at: deps.clock.now().toISOString() });
    }).catch(() => undefined);
  });
}
