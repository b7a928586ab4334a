/** @module Subscribes to a server-sent event stream while mounted; closes it on unmount or when the URL changes. */
import { useEffect, useRef } from 'preact/hooks';

/** Calls `onEvent` on each `event` of `/api${path}`; null subscribes to nothing. */
export function useEventStream(path: string | null, event: string, onEvent: () => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (path === null || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api${path}`);
    const listener = () => handler.current();
    source.addEventListener(event, listener);
    return () => {
      source.removeEventListener(event, listener);
      source.close();
    };
  }, [path, event]);
}
