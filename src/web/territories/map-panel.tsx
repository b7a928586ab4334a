/**
 * @module Lazy map of the communes: a box of fixed size holds its place, MapLibre is fetched only once the box comes
 * near the viewport, the basemap is MAP_STYLE_URL's when the server names one (else the offline map with the communes'
 * names), and it explains when WebGL is missing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useI18n } from '../core/i18n.tsx';
import { territoryOfPath } from '../core/paths.ts';
import { useNearViewport } from '../core/use-near-viewport.ts';
import { useTerritory } from './load-territory.ts';
import { MapLegend, type LegendWords } from './map-legend.tsx';

type MapState = 'waiting' | 'loading' | 'ready' | 'no-webgl' | 'failed';

function supportsWebgl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

interface Props {
  data: unknown;
  bbox: [number, number, number, number];
  breaks: readonly number[];
  territoryName: string;
  /** The legend's words when the map shows another rate than residents per 1,000 inhabitants. */
  legend?: LegendWords;
}

export function MapPanel({ data, bbox, breaks, territoryName, legend }: Props) {
  const { t, locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>('waiting');
  const near = useNearViewport(container);
  // The page's territory card (already loaded by the header) names the basemap, if any.
  const { territory } = useTerritory(territoryOfPath(useLocation().path));
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
    import('./draw-communes-map.ts')
      .then(({ drawCommunesMap }) => {
        if (!live || !container.current) return;
        remove = drawCommunesMap({
          container: container.current,
          data,
          bbox,
          breaks,
          styleUrl,
          labels: { title: t('map.aria', { territory: territoryName }), zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), resetBearing: t('map.resetBearing') },
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
  }, [near, styleUrl, data, bbox, breaks, territoryName, locale]);

  if (state === 'no-webgl' || state === 'failed') {
    return <p class="notice notice-info">{t(state === 'no-webgl' ? 'map.noWebgl' : 'map.failed')}</p>;
  }
  return (
    <div class="map-layout">
      <div class="map-frame">
        {/* The box keeps its size from the first render: nothing below it moves when the map arrives. */}
        <div ref={container} class="map" />
        {state === 'ready' ? null : (
          <p class="map-status" role="status">
            {t('map.loading')}
          </p>
        )}
      </div>
      <MapLegend breaks={breaks} words={legend} />
    </div>
  );
}
