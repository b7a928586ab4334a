/**
 * @module The live ride page (SSE): a "ride" event each time the ride changes (accepted, declined, cancelled,
 * confirmed, a message), so both people see it without reloading. Only its two people may follow it; the right is
 * asked again on every event and heartbeat, so a signed-out session, an erased ride or an ended session on behalf
 * closes the stream. The event carries the ride's id only: the page reads the ride and its messages through their
 * routes, under the same checks as any read.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSessionLive } from '../core/auth/sessions.ts';
import type { AppDeps } from '../core/http/context.ts';
import { openEventStream } from '../core/http/event-stream.ts';
import { stillActing } from '../mediation/index.ts';
import { requireResident } from '../territories/index.ts';
import { findPartyMatch } from './match-access.ts';

export async function streamRide(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, input: { matchId: string }): Promise<void> {
  const { db, bus } = deps;
  const { territory, viewer } = request.scope;
  const actor = await requireResident(db, territory, viewer);
  const { match } = await findPartyMatch(db, territory.id, input.matchId, actor.userId);
  const stillAllowed = async () => {
    if (!viewer || !(await isSessionLive(db, deps.clock, viewer.sessionId)) || !(await stillActing(db, viewer, deps.clock.now()))) return false;
    await findPartyMatch(db, territory.id, match.id, actor.userId);
    return true;
  };
  // Events are handled one after the other, so the last state read is the latest.
  let queue = Promise.resolve();
  let unsubscribe = () => {};
  const stream = await openEventStream(request, reply, deps, { stillAllowed, onClose: () => unsubscribe() });
  unsubscribe = bus.subscribe('carpool.ride_changed', (event) => {
    if (event.territoryId !== territory.id || event.matchId !== match.id) return;
    queue = queue
      .then(async () => {
        if (await stream.recheck()) stream.send('ride', { matchId: match.id, at: deps.clock.now().toISOString() });
      })
      .catch(() => undefined);
  });
}
