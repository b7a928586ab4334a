/**
 * @module The corridor's line on a map, under the page's figures: a box of fixed size holds its place, MapLibre (the
 * communes map's chunk) is fetched only once the box comes near the viewport, and the caption says in words where the
 * line runs — the map's text alternative, and all the page needs when WebGL or the map is missing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { getApi, territoryPath } from '../core/api.ts';
import { territoryOfPath } from '../core/paths.ts';
import type { CommuneCollection } from '../core/types.ts';
import { useMobilityI18n } from '../core/use-mobility-i18n.ts';
import { useNearViewport } from '../core/use-near-viewport.ts';
import { useTerritory } from '../territories/load-territory.ts';
import type { CorridorView } from './types.ts';

type MapState = 'waiting' | 'loading' | 'ready' | 'no-webgl' | 'failed';

function supportsWebgl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** The line's length along its points, km (haversine). */
export function lineKm(line: readonly number[][]): number {
  const rad = Math.PI / 180;
  let km = 0;
  for (let i = 1; i < line.length; i++) {
    const [lng1 = 0, lat1 = 0] = line[i - 1]!;
    const [lng2 = 0, lat2 = 0] = line[i]!;
    const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
    km += 2 * 6371 * Math.asin(Math.sqrt(a));
  }
  return km;
}

export function CorridorMap({ slug, corridor }: { slug: string; corridor: CorridorView }) {
  const { m, t, locale, formatNumber } = useMobilityI18n();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>('waiting');
  const near = useNearViewport(container);
  const { territory } = useTerritory(territoryOfPath(useLocation().path));
  const styleUrl = territory ? (territory.mapStyleUrl ?? null) : undefined;
  const line = corridor.geometry.coordinates;
  const from = corridor.ends.from ?? m('corridor.map.start');
  const to = corridor.ends.to ?? m('corridor.map.end');

  useEffect(() => {
    if (!near || styleUrl === undefined) return;
    if (!supportsWebgl()) {
      setState('no-webgl');
      return;
    }
    let live = true;
    let remove: (() => void) | undefined;
    setState('loading');
    // The communes' outlines place the line; the line is drawn without them if they cannot be loaded.
    const communes = getApi<CommuneCollection>(territoryPath(slug, '/communes')).catch(() => null);
    Promise.all([import('./draw-corridor-map.ts'), communes])
      .then(([{ drawCorridorMap }, shapes]) => {
        if (!live || !container.current) return;
        remove = drawCorridorMap({
          container: container.current,
          line,
          communes: shapes,
          ends: { from, to },
          styleUrl,
          labels: { title: m('corridor.map.aria', { name: corridor.name }), zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), resetBearing: t('map.resetBearing') },
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
    // t changes with the locale; the map is rebuilt then so its control labels follow.
  }, [near, styleUrl, slug, corridor.id, locale]);

  return (
    <section class="corridor-map" aria-labelledby="corridor-map-title">
      <h2 id="corridor-map-title">{m('corridor.map.title')}</h2>
      {state === 'no-webgl' || state === 'failed' ? (
        <p class="notice notice-info">{m(state === 'no-webgl' ? 'corridor.map.noWebgl' : 'corridor.map.failed')}</p>
      ) : (
        <div class="map-frame">
          {/* The box keeps its size from the first render: nothing below it moves when the map arrives. */}
          <div ref={container} class="map" data-testid="corridor-map" data-state={state} aria-describedby="corridor-map-caption" />
          {state === 'ready' ? null : (
            <p class="map-status" role="status">
              {t('map.loading')}
            </p>
          )}
        </div>
      )}
      {/* The map's text alternative, shown to everyone: the page needs nothing else from the map. */}
      <p id="corridor-map-caption" class="meta" data-testid="corridor-map-caption">
        {m('corridor.map.caption', { from, to, km: formatNumber(lineKm(line), 1) })}
      </p>
    </section>
  );
}
