/**
 * @module Draws a corridor's line with MapLibre, from the same set-up as the communes map (territories/draw-communes-map.ts:
 * CSP build, same-origin worker, one MapLibre chunk). Offline (no MAP_STYLE_URL): no remote tiles, glyphs or sprites —
 * the communes' outlines give the place, and the line's two ends are HTML labels, which need no font file.
 */
import { maplibregl } from '../territories/draw-communes-map.ts';

export interface CorridorMapInput {
  container: HTMLElement;
  /** [longitude, latitude] pairs of the corridor's line. */
  line: number[][];
  /** The territory's communes (GeoJSON FeatureCollection), drawn as light outlines; null when they could not be loaded. */
  communes: unknown;
  /** Labels at the first and last points of the line. */
  ends: { from: string; to: string };
  styleUrl: string | null;
  labels: { title: string; zoomIn: string; zoomOut: string; resetBearing: string };
  onReady: () => void;
  onFail: (error: unknown) => void;
}

const LINE_COLOUR = '#b3261e';

/** The line's bounding box, a little wider so the end labels fit. */
export function lineBounds(line: readonly number[][]): [number, number, number, number] {
  const xs = line.map((p) => p[0] ?? 0);
  const ys = line.map((p) => p[1] ?? 0);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(e - w, n - s) * 0.25 + 0.005;
  return [w - pad, s - pad, e + pad, n + pad];
}

function corridorLayers(withCommunes: boolean): maplibregl.LayerSpecification[] {
  return [
    ...(withCommunes ? [{ id: 'communes-line', type: 'line', source: 'communes', paint: { 'line-color': '#9aa5b1', 'line-width': 1 } } as maplibregl.LayerSpecification] : []),
    { id: 'corridor-casing', type: 'line', source: 'corridor', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 9 } },
    { id: 'corridor-line', type: 'line', source: 'corridor', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': LINE_COLOUR, 'line-width': 5 } },
  ];
}

function addSources(map: maplibregl.Map, input: CorridorMapInput): void {
  if (input.communes) map.addSource('communes', { type: 'geojson', data: input.communes as maplibregl.GeoJSONSourceSpecification['data'] });
  map.addSource('corridor', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: input.line } } });
}

function offlineStyle(input: CorridorMapInput): maplibregl.StyleSpecification {
  const sources: maplibregl.StyleSpecification['sources'] = { corridor: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: input.line } } } };
  if (input.communes) sources.communes = { type: 'geojson', data: input.communes as maplibregl.GeoJSONSourceSpecification['data'] };
  return { version: 8, sources, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } }, ...corridorLayers(Boolean(input.communes))] };
}

/** The two ends as HTML labels (hidden from assistive technology: the caption under the map names them). */
function addEndLabels(map: maplibregl.Map, input: CorridorMapInput): void {
  const ends: [number[] | undefined, string, 'bottom' | 'top'][] = [
    [input.line[0], input.ends.from, 'top'],
    [input.line.at(-1), input.ends.to, 'bottom'],
  ];
  for (const [at, text, anchor] of ends) {
    if (!at) continue;
    const label = document.createElement('span');
    label.className = 'map-label map-label-end';
    label.textContent = text;
    label.setAttribute('aria-hidden', 'true');
    new maplibregl.Marker({ element: label, anchor, offset: [0, anchor === 'top' ? 8 : -8] }).setLngLat([at[0] ?? 0, at[1] ?? 0]).addTo(map);
  }
}

/** Creates the map; returns a function that removes it. Never throws: failures go to onFail. */
export function drawCorridorMap(input: CorridorMapInput): () => void {
  let map: maplibregl.Map | undefined;
  try {
    const [west, south, east, north] = lineBounds(input.line);
    map = new maplibregl.Map({
      container: input.container,
      style: input.styleUrl ?? offlineStyle(input),
      bounds: [west, south, east, north],
      fitBoundsOptions: { padding: 24 },
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
      // The basemap's own streets and names first, the corridor on top.
      drawn.on('style.load', () => {
        addSources(drawn, input);
        for (const layer of corridorLayers(Boolean(input.communes))) drawn.addLayer(layer);
      });
    }
    addEndLabels(drawn, input);
    map.on('load', input.onReady);
    map.on('error', (event) => input.onFail(event.error));
  } catch (error) {
    input.onFail(error);
  }
  return () => map?.remove();
}
