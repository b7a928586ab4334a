/** @module Session context: the signed-in person (or null), loaded once from GET /api/me and updated on sign-in/out. */
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { callApi, getApi } from './api.ts';
import { toApiError } from './api-error.ts';
import { readCookie, rememberCsrfToken } from './csrf.ts';
import type { Me } from './types.ts';

export interface Session {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  refresh: () => Promise<Me | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session>({
  me: undefined,
  setMe: () => undefined,
  refresh: () => Promise.resolve(null),
  signOut: () => Promise.resolve(),
});

async function fetchMe(): Promise<Me | null> {
  // The server sets maille_csrf and maille_session together with the same lifetime: without the
  // readable one there is no session, so skip a request that could only answer 401.
  if (!readCookie(document.cookie, 'maille_csrf')) return null;
  try {
    return await getApi<Me>('/me');
  } catch (error) {
    if (toApiError(error).code === 'unauthenticated') return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const setMe = useCallback((next: Me | null) => {
    if (next) rememberCsrfToken(next.csrfToken);
    setMeState(next);
  }, []);
  const refresh = useCallback(async () => {
    const next = await fetchMe().catch(() => null);
    setMe(next);
    return next;
  }, [setMe]);
  const signOut = useCallback(async () => {
    await callApi('POST', '/auth/sign-out');
    setMe(null);
  }, [setMe]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ me, setMe, refresh, signOut }), [me, setMe, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
