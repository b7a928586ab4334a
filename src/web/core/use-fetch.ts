/** @module Loads one API resource for a component, with loading/error state, abort on change and reload. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { getApi } from './api.ts';
import { toApiError, type ApiError } from './api-error.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded value after a write that returned the new state. */
  setData: (data: T) => void;
}

interface Loaded<T> {
  path: string | null;
  data?: T;
  error?: ApiError;
}

/** Fetches `/api${path}`; a null path fetches nothing (e.g. until the session is known). */
export function useFetch<T>(path: string | null): Resource<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ path: null });
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    getApi<T>(path, controller.signal)
      .then((data) => setLoaded({ path, data }))
      .catch((caught: unknown) => {
        // No stale data next to an error (e.g. a private community one has just left).
        if (!controller.signal.aborted) setLoaded({ path, error: toApiError(caught) });
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const setData = useCallback((data: T) => setLoaded({ path, data }), [path]);
  // Data of another path (the previous page) is never shown for this one.
  const current = loaded.path === path ? loaded : { path };
  return { data: current.data, error: current.error, loading: path !== null && (loading || loaded.path !== path), reload, setData };
}
