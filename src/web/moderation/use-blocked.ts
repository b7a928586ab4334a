/** @module `useBlocked(slug, userId)`: whether the viewer blocked this person, from their block list loaded once for the whole app. */
import { useEffect, useState } from 'preact/hooks';
import { callApi } from '../core/api.ts';
import { useSession } from '../core/session.tsx';
import { createBlockCache } from './block-cache.ts';
import type { BlockList } from './types.ts';
import { moderationApi } from './use-moderation-i18n.ts';

/** The one list of the app (`GET …/blocks`, fetched at most once per viewer). */
export const blockCache = createBlockCache(async (slug) => (await callApi<BlockList>('GET', moderationApi.blocks(slug))).items.map((b) => b.userId));

export interface BlockedState {
  /** Undefined while the list loads. */
  blocked: boolean | undefined;
  /** After the server accepted a block or unblock: every button for this person follows. */
  record: (blocked: boolean) => void;
}

export function useBlocked(slug: string, userId: string): BlockedState {
  const { me } = useSession();
  const viewerId = me?.id ?? null;
  const [, setVersion] = useState(0);
  useEffect(() => {
    const unsubscribe = blockCache.subscribe(() => setVersion((v) => v + 1));
    if (viewerId) void blockCache.ensure(viewerId, slug);
    return unsubscribe;
  }, [viewerId, slug]);
  return {
    blocked: viewerId ? blockCache.isBlocked(viewerId, userId) : undefined,
    record: (blocked) => {
      if (viewerId) blockCache.set(viewerId, userId, blocked);
    },
  };
}
