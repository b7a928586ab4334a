/**
 * @module Carpool's maps load the way the communes map does (territories/map-panel.tsx): the box holds its place, the
 * MapLibre chunk is fetched only once the box comes near the viewport (core/use-near-viewport.ts), the basemap is
 * MAP_STYLE_URL's when the territory names one, and a missing WebGL is said rather than drawn blank.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../core/i18n.tsx';
import { useNearViewport } from '../core/use-near-viewport.ts';
import { useTerritory } from '../territories/load-territory.ts';
import type { MapLabels } from './draw-carpool-map.ts';

export type LazyMapState = 'waiting' | 'loading' | 'ready' | 'no-webgl' | 'failed';

type DrawModule = typeof import('./draw-carpool-map.ts');
type Draw = (module: DrawModule, common: { container: HTMLElement; styleUrl: string | null; labels: MapLabels; onReady: () => void; onFail: (error: unknown) => void }) => () => void;

function supportsWebgl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Draws with `draw` once `container` nears the viewport; redraws when `key` changes. The map's state, for the page and tests. */
export function useLazyMap(slug: string, container: RefObject<HTMLDivElement>, title: string, key: string, draw: Draw): LazyMapState {
  const { t, locale } = useI18n();
  const [state, setState] = useState<LazyMapState>('waiting');
  const near = useNearViewport(container);
  const { territory } = useTerritory(slug);
  const styleUrl = territory ? (territory.mapStyleUrl ?? null) : undefined;

  useEffect(() => {
    if (!near || styleUrl === undefined) return;
    if (!supportsWebgl()) {
      setState('no-webgl');
      return;
    }
    let live = true;
    let remove: (() => void) | undefined;
    setState('loading');
    import('./draw-carpool-map.ts')
      .then((module) => {
        if (!live || !container.current) return;
        remove = draw(module, {
          container: container.current,
          styleUrl,
          labels: { title, zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), resetBearing: t('map.resetBearing') },
          onReady: () => live && setState('ready'),
          onFail: (error) => {
            console.warn('map unavailable', error);
            if (live) setState((current) => (current === 'ready' ? current : 'failed'));
          },
        });
      })
      .catch((error: unknown) => {
        console.warn('map code unavailable', error);
        if (live) setState('failed');
      });
    return () => {
      live = false;
      remove?.();
    };
    // The draw function is new every render; `key` says when what it draws has changed.
  }, [near, styleUrl, key, title, locale]);
  return state;
}
