/**
 * @module Draws the communes choropleth with MapLibre (CSP build). Offline (no MAP_STYLE_URL): no remote tiles, glyphs
 * or sprites, and the communes' names are HTML labels at their centres, which need no font file. With a style URL, its
 * basemap is drawn under the communes, which are then lighter so the streets show through.
 */
import * as maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { fillColorExpression } from './choropleth.ts';

// The CSP build loads its worker from this same-origin file instead of a blob: URL.
maplibregl.setWorkerUrl(new URL(workerUrl, location.href).href);

/** MapLibre, set up once for the CSP build, for the other maps of the app (corridors/draw-corridor-map.ts). */
export { maplibregl };

export interface MapInput {
  container: HTMLElement;
  /** GeoJSON FeatureCollection whose features carry a numeric `rate` property. */
  data: unknown;
  bbox: [number, number, number, number];
  breaks: readonly number[];
  /** A MapLibre style for the basemap (MAP_STYLE_URL), or null for the offline map. */
  styleUrl: string | null;
  labels: { title: string; zoomIn: string; zoomOut: string; resetBearing: string };
  onReady: () => void;
  onFail: (error: unknown) => void;
}

function communeLayers(breaks: readonly number[], opacity: number): maplibregl.LayerSpecification[] {
  return [
    {
      id: 'communes-fill',
      type: 'fill',
      source: 'communes',
      paint: { 'fill-color': fillColorExpression(breaks) as maplibregl.ExpressionSpecification, 'fill-opacity': opacity },
    },
    { id: 'communes-line', type: 'line', source: 'communes', paint: { 'line-color': '#3d3d3d', 'line-width': 1 } },
  ];
}

function offlineStyle(data: unknown, breaks: readonly number[]): maplibregl.StyleSpecification {
  return {
    version: 8,
    sources: { communes: { type: 'geojson', data: data as maplibregl.GeoJSONSourceSpecification['data'] } },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } }, ...communeLayers(breaks, 0.9)],
  };
}

type Ring = [number, number][];
interface Feature {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: { name?: unknown };
}

/** Where a commune's name goes: the centre of the bounding box of its largest outer ring (good enough for communes). */
export function labelPoint(geometry: Feature['geometry']): [number, number] | null {
  const polygons = (geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : []) as Ring[][];
  let best: [number, number] | null = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    if (xs.length === 0) continue;
    const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if ((e - w) * (n - s) > bestArea) {
      bestArea = (e - w) * (n - s);
      best = [(w + e) / 2, (s + n) / 2];
    }
  }
  return best;
}

/** The communes' names as HTML labels (hidden from assistive technology: the table beside the map lists them). */
function addNameLabels(map: maplibregl.Map, data: unknown): void {
  for (const feature of ((data as { features?: Feature[] }).features ?? [])) {
    const at = labelPoint(feature.geometry);
    const name = feature.properties?.name;
    if (!at || typeof name !== 'string') continue;
    const label = document.createElement('span');
    label.className = 'map-label';
    label.textContent = name;
    label.setAttribute('aria-hidden', 'true');
    new maplibregl.Marker({ element: label }).setLngLat(at).addTo(map);
  }
}

/** Creates the map; returns a function that removes it. Never throws: failures go to onFail. */
export function drawCommunesMap(input: MapInput): () => void {
  let map: maplibregl.Map | undefined;
  try {
    const [west, south, east, north] = input.bbox;
    map = new maplibregl.Map({
      container: input.container,
      style: input.styleUrl ?? offlineStyle(input.data, input.breaks),
      bounds: [west, south, east, north],
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      locale: {
        'Map.Title': input.labels.title,
        'NavigationControl.ZoomIn': input.labels.zoomIn,
        'NavigationControl.ZoomOut': input.labels.zoomOut,
        'NavigationControl.ResetBearing': input.labels.resetBearing,
      },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const drawn = map;
    if (input.styleUrl) {
      // The basemap's own labels name the places; the communes go on top of it, lighter.
      drawn.on('style.load', () => {
        drawn.addSource('communes', { type: 'geojson', data: input.data as maplibregl.GeoJSONSourceSpecification['data'] });
        for (const layer of communeLayers(input.breaks, 0.45)) drawn.addLayer(layer);
      });
    } else {
      addNameLabels(drawn, input.data);
    }
    map.on('load', input.onReady); // 'load' fires once per map
    map.on('error', (event) => input.onFail(event.error));
  } catch (error) {
    input.onFail(error);
  }
  return () => map?.remove();
}
