// Loads one API resource for a component, with loading/error state, abort on change and reload.
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

/** Fetches `/api${path}`; a null path fetches nothing (e.g. until the session is known). */
export function useFetch<T>(path: string | null): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    getApi<T>(path, controller.signal)
      .then((value) => setData(value))
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(toApiError(caught));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
