/**
 * @module The observatory's map: a box of fixed size holds its place, MapLibre is fetched only once it comes near the
 * viewport, and a sentence above it says in words what it shows (its text alternative); the lists below carry the
 * rest, so the page works without the map (no WebGL, no map code).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getApi } from '../core/api.ts';
import type { CommuneCollection } from '../core/types.ts';
import { useNearViewport } from '../core/use-near-viewport.ts';
import { observatoryApi } from './paths.ts';
import type { ClusterMap, Thing, ZoneMap } from './types.ts';
import { useObservatoryI18n } from './use-observatory-i18n.ts';
import { formatPValue } from './words.ts';

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
  slug: string;
  territoryName: string;
  bbox: [number, number, number, number];
  styleUrl: string | null;
  things: readonly Thing[] | undefined;
  zones: ZoneMap | undefined;
  clusters: ClusterMap | undefined;
}

export function ObservatoryMap({ slug, territoryName, bbox, styleUrl, things, zones, clusters }: Props) {
  const { o, op, t, locale, formatNumber } = useObservatoryI18n();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>('waiting');
  const near = useNearViewport(container);
  const placed = (things ?? []).filter((thing) => thing.lat !== null && thing.lon !== null);
  const flagged = (zones?.zones ?? []).filter((zone) => zone.colour === 'orange' || zone.colour === 'red').length;
  const found = clusters?.clusters ?? [];
  const okCount = (things ?? []).filter((thing) => thing.health === 'ok').length;
  const summary = o('obs.map.summary', {
    things: things ? op('obs.map.things', things.length, { ok: okCount }) : o('obs.map.noThings'),
    zones: op('obs.map.zones', flagged),
    clusters: op('obs.map.clusters', found.length),
  });
  // The map is drawn once the data it shows has arrived (each piece may fail: drawn without it).
  const ready = things !== undefined || zones !== undefined || clusters !== undefined;

  useEffect(() => {
    if (!near || !ready) return;
    if (!supportsWebgl()) {
      setState('no-webgl');
      return;
    }
    let live = true;
    let remove: (() => void) | undefined;
    setState('loading');
    const communes = getApi<CommuneCollection>(observatoryApi.communes(slug)).catch(() => null);
    const colours: Record<string, 'green' | 'orange' | 'red'> = {};
    for (const zone of zones?.zones ?? []) if (zone.colour) colours[zone.communeCode] = zone.colour;
    Promise.all([import('./draw-observatory-map.ts'), communes])
      .then(([{ drawObservatoryMap }, shapes]) => {
        if (!live || !container.current) return;
        remove = drawObservatoryMap({
          container: container.current,
          bbox,
          communes: shapes,
          colours,
          things: placed.map((thing) => ({ lon: thing.lon!, lat: thing.lat!, health: thing.health, name: thing.name ?? thing.entityId })),
          clusters: found.map((c) => ({
            lon: c.centre.lon,
            lat: c.centre.lat,
            radiusMetres: c.radiusMetres,
            popup: o('obs.map.popupCluster', { name: c.centre.name, rr: c.relativeRisk === null ? o('obs.clusters.rrUnknown') : formatNumber(c.relativeRisk, 2), p: formatPValue(formatNumber, c.pValue) }),
          })),
          styleUrl,
          labels: { title: o('obs.map.aria', { territory: territoryName }), zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), resetBearing: t('map.resetBearing') },
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
    // Redrawn when the data or the locale changes (its control labels follow).
  }, [near, ready, things, zones, clusters, styleUrl, locale]);

  return (
    <section class="obs-section" aria-labelledby="obs-map-title">
      <h2 id="obs-map-title">{o('obs.map.title')}</h2>
      <p data-testid="obs-map-summary">{summary}</p>
      {state === 'no-webgl' || state === 'failed' ? (
        <p class="notice notice-info">{t(state === 'no-webgl' ? 'map.noWebgl' : 'map.failed')}</p>
      ) : (
        <div class="map-frame">
          <div ref={container} class="map obs-map" />
          {state === 'ready' ? null : (
            <p class="map-status" role="status">
              {t('map.loading')}
            </p>
          )}
        </div>
      )}
      <div class="obs-legend">
        <h3>{o('obs.map.legend')}</h3>
        <ul>
          <li><span class="obs-swatch obs-zone-green" aria-hidden="true" /> {o('obs.map.legendGreen')}</li>
          <li><span class="obs-swatch obs-zone-orange" aria-hidden="true" /> {o('obs.map.legendOrange')}</li>
          <li><span class="obs-swatch obs-zone-red" aria-hidden="true" /> {o('obs.map.legendRed')}</li>
          <li><span class="obs-dot" aria-hidden="true" /> {o('obs.map.legendThing')}</li>
          <li><span class="obs-ring" aria-hidden="true" /> {o('obs.map.legendCluster')}</li>
        </ul>
        {zones?.source ? <p class="meta">{o('obs.map.source', { title: zones.source.title, publisher: zones.source.publisher, licence: zones.source.licence })}</p> : null}
      </div>
    </section>
  );
}
