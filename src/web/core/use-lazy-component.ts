/** @module Loads a component's code on first render (a secondary panel of a page), so the page's own chunk stays small. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** null until loaded, and when the download failed (the page works without the panel). */
export function useLazyComponent<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setComponent(() => loaded),
      (error: unknown) => console.warn('panel code unavailable', error),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return component;
}
