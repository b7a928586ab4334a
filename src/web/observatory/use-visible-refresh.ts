/**
 * @module Re-reads a resource every 30 s while the page is visible (document.visibilityState), and once at once when it
 * becomes visible again: no reading while the tab is hidden, no busy polling.
 */
import { useEffect } from 'preact/hooks';

export const REFRESH_MS = 30_000;

export function useVisibleRefresh(reload: () => void, every = REFRESH_MS): void {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined) timer = setInterval(reload, every);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        reload();
        start();
      } else stop();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [reload, every]);
}
