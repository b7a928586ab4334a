/**
 * @module Carpool's two small maps, drawn with the same MapLibre CSP build and offline style as the communes map
 * (territories/draw-communes-map.ts): a match (both trips as origin → destination lines, the meeting point), and the
 * trip form's map where a click on a meeting point's marker or anywhere else picks a place. Offline (no
 * MAP_STYLE_URL) the background is plain and the names are HTML labels, which need no font file.
 */
import * as maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// The CSP build loads its worker from this same-origin file instead of a blob: URL (as the communes map does).
maplibregl.setWorkerUrl(new URL(workerUrl, location.href).href);

export interface Point {
  lat: number;
  lng: number;
}

export interface MapLabels {
  title: string;
  zoomIn: string;
  zoomOut: string;
  resetBearing: string;
}

interface Common {
  container: HTMLElement;
  styleUrl: string | null;
  labels: MapLabels;
  onReady: () => void;
  onFail: (error: unknown) => void;
}

export interface MatchMapInput extends Common {
  driver: { from: Point; to: Point };
  passenger: { from: Point; to: Point };
  meetingPoint: (Point & { name: string }) | null;
}

export interface PickMapInput extends Common {
  /** The box first shown, [west, south, east, north]: around the meeting points, else the territory's communes. */
  bbox: [number, number, number, number];
  meetingPoints: readonly (Point & { id: string; name: string })[];
  /** Each marker is a button named after its meeting point: a click (or Enter) picks it. */
  markerLabel: (name: string) => string;
  onMeetingPoint: (id: string) => void;
  /** A click elsewhere on the map picks that point. */
  onPoint: (point: Point) => void;
}

const OFFLINE: maplibregl.StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } }],
};

/** `interactive` false: a still picture (no controls, nothing to focus), for a map a sentence already describes. */
function createMap(input: Common, bounds: [number, number, number, number], interactive: boolean): maplibregl.Map {
  const map = new maplibregl.Map({
    container: input.container,
    interactive,
    style: input.styleUrl ?? OFFLINE,
    bounds,
    fitBoundsOptions: { padding: 28, maxZoom: 14 },
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
  if (interactive) map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.on('load', input.onReady);
  map.on('error', (event) => input.onFail(event.error));
  return map;
}

function boundsOf(points: readonly Point[]): [number, number, number, number] {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

function dot(className: string, text?: string): HTMLElement {
  const element = document.createElement('span');
  element.className = className;
  element.setAttribute('aria-hidden', 'true');
  if (text) element.textContent = text;
  return element;
}

const line = (from: Point, to: Point) => ({
  type: 'Feature' as const,
  properties: {},
  geometry: { type: 'LineString' as const, coordinates: [[from.lng, from.lat], [to.lng, to.lat]] },
});

/** A match: the driver's trip (solid), the passenger's (dashed), their ends, the meeting point. Returns its remover. */
export function drawMatchMap(input: MatchMapInput): () => void {
  let map: maplibregl.Map | undefined;
  try {
    const points = [input.driver.from, input.driver.to, input.passenger.from, input.passenger.to, ...(input.meetingPoint ? [input.meetingPoint] : [])];
    map = createMap(input, boundsOf(points), false);
    const drawn = map;
    const addLines = () => {
      drawn.addSource('driver', { type: 'geojson', data: line(input.driver.from, input.driver.to) });
      drawn.addSource('passenger', { type: 'geojson', data: line(input.passenger.from, input.passenger.to) });
      drawn.addLayer({ id: 'driver-line', type: 'line', source: 'driver', paint: { 'line-color': '#1d4f91', 'line-width': 4 } });
      drawn.addLayer({ id: 'passenger-line', type: 'line', source: 'passenger', paint: { 'line-color': '#a3470b', 'line-width': 3, 'line-dasharray': [2, 1.5] } });
    };
    if (input.styleUrl) drawn.on('style.load', addLines);
    else drawn.on('load', addLines);
    // Ends and the meeting point are HTML markers (hidden from assistive technology: the caption says it all).
    // Added last, drawn on top: the passenger's ends under the driver's A and B, the meeting point above all.
    new maplibregl.Marker({ element: dot('carpool-map-end carpool-map-passenger') }).setLngLat([input.passenger.from.lng, input.passenger.from.lat]).addTo(drawn);
    new maplibregl.Marker({ element: dot('carpool-map-end carpool-map-passenger') }).setLngLat([input.passenger.to.lng, input.passenger.to.lat]).addTo(drawn);
    new maplibregl.Marker({ element: dot('carpool-map-end carpool-map-driver', 'A') }).setLngLat([input.driver.from.lng, input.driver.from.lat]).addTo(drawn);
    new maplibregl.Marker({ element: dot('carpool-map-end carpool-map-driver', 'B') }).setLngLat([input.driver.to.lng, input.driver.to.lat]).addTo(drawn);
    if (input.meetingPoint) {
      new maplibregl.Marker({ element: dot('carpool-map-meeting', 'P') }).setLngLat([input.meetingPoint.lng, input.meetingPoint.lat]).addTo(drawn);
    }
  } catch (error) {
    input.onFail(error);
  }
  return () => map?.remove();
}

/** The trip form's map: meeting points as buttons, a click elsewhere picks the point. Returns its remover. */
export function drawPickMap(input: PickMapInput): () => void {
  let map: maplibregl.Map | undefined;
  try {
    map = createMap(input, input.bbox, true);
    const drawn = map;
    for (const point of input.meetingPoints) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'carpool-map-pick';
      button.setAttribute('aria-label', input.markerLabel(point.name));
      button.title = point.name;
      button.textContent = 'P';
      button.addEventListener('click', (event) => {
        // The map would take the click as a point of its own.
        event.stopPropagation();
        input.onMeetingPoint(point.id);
      });
      new maplibregl.Marker({ element: button }).setLngLat([point.lng, point.lat]).addTo(drawn);
    }
    drawn.on('click', (event) => {
      if ((event.originalEvent.target as Element | null)?.closest?.('.carpool-map-pick')) return;
      input.onPoint({ lat: event.lngLat.lat, lng: event.lngLat.lng });
    });
  } catch (error) {
    input.onFail(error);
  }
  return () => map?.remove();
}
