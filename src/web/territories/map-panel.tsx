/** @module Lazy map of the communes: loads MapLibre only here, and explains when WebGL is missing. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../core/i18n.tsx';
import { MapLegend } from './map-legend.tsx';

type MapState = 'loading' | 'ready' | 'no-webgl' | 'failed';

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
}

export function MapPanel({ data, bbox, breaks, territoryName }: Props) {
  const { t, locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>('loading');

  useEffect(() => {
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
  }, [data, bbox, breaks, territoryName, locale]);

  if (state === 'no-webgl' || state === 'failed') {
    return <p class="notice notice-info">{t(state === 'no-webgl' ? 'map.noWebgl' : 'map.failed')}</p>;
  }
  return (
    <div class="map-layout">
      <div>
        {state === 'loading' ? <p role="status">{t('map.loading')}</p> : null}
        <div ref={container} class="map" />
      </div>
      <MapLegend breaks={breaks} />
    </div>
  );
}
