/**
 * @module Draws the observatory's map with the communes map's MapLibre set-up (territories/draw-communes-map.ts: CSP
 * build, same-origin worker, one chunk), offline unless MAP_STYLE_URL names a basemap: communes filled by their zone
 * colour, things as dots coloured by health, significant clusters as dashed circles (a click says p and relative risk).
 */
import { maplibregl } from '../territories/draw-communes-map.ts';

export const ZONE_COLOURS = { green: '#2e7d32', orange: '#ef8a00', red: '#c62828' } as const;
export const HEALTH_COLOURS = { ok: '#1b7f3b', silent: '#b35c00', faulty: '#b3261e', unknown: '#6b6b6b' } as const;

export interface ObservatoryMapInput {
  container: HTMLElement;
  bbox: [number, number, number, number];
  /** The territory's communes (GeoJSON FeatureCollection with `code`), or null when they could not be loaded. */
  communes: unknown;
  /** Zone colour per commune code. */
  colours: Record<string, 'green' | 'orange' | 'red'>;
  things: { lon: number; lat: number; health: keyof typeof HEALTH_COLOURS; name: string }[];
  clusters: { lon: number; lat: number; radiusMetres: number; popup: string }[];
  styleUrl: string | null;
  labels: { title: string; zoomIn: string; zoomOut: string; resetBearing: string };
  onReady: () => void;
  onFail: (error: unknown) => void;
}

/** A circle of `metres` around a point, as a polygon ring (64 steps; flat-earth, good enough for a few kilometres). */
export function circleRing(lon: number, lat: number, metres: number, steps = 64): [number, number][] {
  const dLat = metres / 111_320;
  const dLon = metres / (111_320 * Math.cos((lat * Math.PI) / 180));
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return ring;
}

function sources(input: ObservatoryMapInput): Record<string, maplibregl.SourceSpecification> {
  const out: Record<string, maplibregl.SourceSpecification> = {
    things: {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: input.things.map((t) => ({ type: 'Feature', properties: { colour: HEALTH_COLOURS[t.health] }, geometry: { type: 'Point', coordinates: [t.lon, t.lat] } })) },
    },
    clusters: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: input.clusters.map((c) => ({ type: 'Feature', properties: { popup: c.popup }, geometry: { type: 'Polygon', coordinates: [circleRing(c.lon, c.lat, Math.max(c.radiusMetres, 500))] } })),
      },
    },
  };
  if (input.communes) out.communes = { type: 'geojson', data: input.communes as maplibregl.GeoJSONSourceSpecification['data'] };
  return out;
}

function layers(input: ObservatoryMapInput, opacity: number): maplibregl.LayerSpecification[] {
  const match: unknown[] = ['match', ['get', 'code']];
  for (const [code, colour] of Object.entries(input.colours)) match.push(code, ZONE_COLOURS[colour]);
  match.push('#f3f6f9');
  const fill = Object.keys(input.colours).length > 0 ? (match as maplibregl.ExpressionSpecification) : '#f3f6f9';
  return [
    ...(input.communes
      ? ([
          { id: 'communes-fill', type: 'fill', source: 'communes', paint: { 'fill-color': fill, 'fill-opacity': opacity } },
          { id: 'communes-line', type: 'line', source: 'communes', paint: { 'line-color': '#3d3d3d', 'line-width': 1 } },
        ] as maplibregl.LayerSpecification[])
      : []),
    { id: 'clusters-fill', type: 'fill', source: 'clusters', paint: { 'fill-color': '#1b1b1b', 'fill-opacity': 0.08 } },
    { id: 'clusters-line', type: 'line', source: 'clusters', paint: { 'line-color': '#1b1b1b', 'line-width': 2.5, 'line-dasharray': [2, 1.5] } },
    { id: 'things', type: 'circle', source: 'things', paint: { 'circle-radius': 6, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  ];
}

/** Creates the map; returns a function that removes it. Never throws: failures go to onFail. */
export function drawObservatoryMap(input: ObservatoryMapInput): () => void {
  let map: maplibregl.Map | undefined;
  try {
    const [west, south, east, north] = input.bbox;
    map = new maplibregl.Map({
      container: input.container,
      style: input.styleUrl ?? { version: 8, sources: sources(input), layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } }, ...layers(input, 0.55)] },
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
      drawn.on('style.load', () => {
        for (const [id, source] of Object.entries(sources(input))) drawn.addSource(id, source);
        for (const layer of layers(input, 0.35)) drawn.addLayer(layer);
      });
    }
    drawn.on('click', 'clusters-fill', (event) => {
      const popup = event.features?.[0]?.properties?.popup;
      if (typeof popup === 'string') new maplibregl.Popup({ closeButton: true }).setLngLat(event.lngLat).setText(popup).addTo(drawn);
    });
    map.on('load', input.onReady);
    map.on('error', (event) => input.onFail(event.error));
  } catch (error) {
    input.onFail(error);
  }
  return () => map?.remove();
}
