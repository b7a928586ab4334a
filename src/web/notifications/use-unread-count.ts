/** @module The signed-in person's unread notification count, for the header: refreshed on navigation and when a page marks some read. */
import { useEffect, useState } from 'preact/hooks';
import { getApi } from '../core/api.ts';
import type { NotificationList } from './types.ts';

const CHANGED = 'maille:notifications-changed';

/** Tells the header that notifications were read (or arrived). */
export function notificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** Null while unknown or signed out. */
export function useUnreadCount(signedIn: boolean, path: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const bump = () => setGeneration((n) => n + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);
  useEffect(() => {
    if (!signedIn) {
      setCount(null);
      return;
    }
    const controller = new AbortController();
    getApi<NotificationList>('/notifications?limit=1', controller.signal)
      .then((answer) => setCount(answer.unread))
      .catch(() => {
        if (!controller.signal.aborted) setCount(null);
      });
    return () => controller.abort();
  }, [signedIn, path, generation]);
  return count;
}
