/**
 * @module The home page live (SSE): a "changed" event when a gesture is recorded in the territory, at most one per
 * OVERVIEW_STREAM_QUIET_MS, and only while the territory has at least PRIVACY_MIN_GROUP residents: the instant of a
 * gesture among a handful of residents would say who acted. The page re-reads the overview on each event.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../core/http/context.ts';
import { openEventStream } from '../core/http/event-stream.ts';
import { isShown } from '../core/privacy/small-group.ts';
import { countResidents } from '../territories/index.ts';

/** Events closer together than this are sent as one, at the end of the quiet time. */
export const OVERVIEW_STREAM_QUIET_MS = 3_000;

export async function streamOverview(deps: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { territory } = request.scope;
  let unsubscribe = () => {};
  let pending: ReturnType<typeof setTimeout> | null = null;
  const stream = await openEventStream(request, reply, deps, {
    stillAllowed: async () => true,
    onClose: () => {
      unsubscribe();
      if (pending) clearTimeout(pending);
    },
  });
  unsubscribe = deps.bus.subscribe('gesture.recorded', (event) => {
    if (event.territoryId !== territory.id || pending) return;
    pending = setTimeout(() => {
      pending = null;
      void countResidents(deps.db, territory.id)
        .then((residents) => {
          if (isShown(residents, deps.config.privacyMinGroup)) stream.send('changed', { at: deps.clock.now().toISOString() });
        })
        .catch(() => undefined);
    }, OVERVIEW_STREAM_QUIET_MS);
    pending.unref?.();
  });
}
