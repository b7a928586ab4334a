/** @module Code-split page loader: a failed chunk download shows a retry message instead of a blank page. */
import { lazy } from 'preact-iso';
import type { ComponentType } from 'preact';
import { LoadFailed } from './load-failed.tsx';

export function lazyPage<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(() => load().catch(() => LoadFailed as ComponentType<P>));
}
