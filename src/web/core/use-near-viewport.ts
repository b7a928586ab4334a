/**
 * @module Whether an element is on screen or close to it (IntersectionObserver), so heavy code — the MapLibre chunk,
 * ~250 KB on the wire — is fetched only once the person scrolls towards it. True at once where the observer is missing.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** How far below the fold loading starts: about one phone screen, so the map is usually drawn when it comes in. */
export const NEAR_VIEWPORT_MARGIN = '600px 0px';

/** Becomes true the first time `ref`'s element comes within `margin` of the viewport, and stays true. */
export function useNearViewport(ref: RefObject<Element>, margin = NEAR_VIEWPORT_MARGIN): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near) return;
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref, margin]);
  return near;
}
