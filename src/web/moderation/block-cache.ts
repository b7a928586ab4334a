/**
 * @module The viewer's block list, loaded once and shared by every "Bloquer" button of the app (no DOM, no fetch of
 * its own: `load` is given). Blocks hold in every territory, so the list is keyed by the viewer only; a new viewer
 * (sign-out, another account, a mediator's session on behalf) starts afresh.
 */

export type BlockLoader = (slug: string) => Promise<readonly string[]>;

export interface BlockCache {
  /** True or false once the viewer's list is known; undefined while it loads (or before `ensure`). */
  isBlocked(viewerId: string, userId: string): boolean | undefined;
  /** Starts loading the viewer's list unless it is known or on its way; resolves when known. */
  ensure(viewerId: string, slug: string): Promise<void>;
  /** Records a block or unblock the server has just accepted, and tells every subscriber. */
  set(viewerId: string, userId: string, blocked: boolean): void;
  subscribe(listener: () => void): () => void;
}

export function createBlockCache(load: BlockLoader): BlockCache {
  let owner: string | null = null;
  let ids: Set<string> | null = null;
  let pending: Promise<void> | null = null;
  /** Changes made while the list was on its way, applied over what it brings. */
  let changes = new Map<string, boolean>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of [...listeners]) listener();
  };
  const switchTo = (viewerId: string) => {
    if (owner === viewerId) return;
    owner = viewerId;
    ids = null;
    pending = null;
    changes = new Map();
  };
  return {
    isBlocked(viewerId, userId) {
      if (owner !== viewerId || ids === null) return undefined;
      return ids.has(userId);
    },
    ensure(viewerId, slug) {
      switchTo(viewerId);
      if (ids !== null) return Promise.resolve();
      if (pending) return pending;
      const settle = (list: readonly string[]) => {
        if (owner !== viewerId) return;
        ids = new Set(list);
        for (const [userId, blocked] of changes) {
          if (blocked) ids.add(userId);
          else ids.delete(userId);
        }
        changes = new Map();
        pending = null;
        emit();
      };
      // A list that cannot be read counts as empty: the buttons then behave as before (block, then unblock).
      pending = load(slug).then(settle, () => settle([]));
      return pending;
    },
    set(viewerId, userId, blocked) {
      switchTo(viewerId);
      if (ids === null) changes.set(userId, blocked);
      else if (blocked) ids.add(userId);
      else ids.delete(userId);
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
