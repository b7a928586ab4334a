/** @module Draws the communes choropleth with MapLibre (CSP build): no remote tiles, glyphs or sprites. */
import * as maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-csp-worker.js?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { fillColorExpression } from './choropleth.ts';

// The CSP build loads its worker from this same-origin file instead of a blob: URL.
maplibregl.setWorkerUrl(new URL(workerUrl, location.href).href);

export interface MapInput {
  container: HTMLElement;
  /** GeoJSON FeatureCollection whose features carry a numeric `rate` property. */
  data: unknown;
  bbox: [number, number, number, number];
  breaks: readonly number[];
  labels: { title: string; zoomIn: string; zoomOut: string; resetBearing: string };
  onReady: () => void;
  onFail: (error: unknown) => void;
}

function buildStyle(data: unknown, breaks: readonly number[]): maplibregl.StyleSpecification {
  return {
    version: 8,
    sources: { communes: { type: 'geojson', data: data as maplibregl.GeoJSONSourceSpecification['data'] } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } },
      {
        id: 'communes-fill',
        type: 'fill',
        source: 'communes',
        paint: { 'fill-color': fillColorExpression(breaks) as maplibregl.ExpressionSpecification, 'fill-opacity': 0.9 },
      },
      { id: 'communes-line', type: 'line', source: 'communes', paint: { 'line-color': '#3d3d3d', 'line-width': 1 } },
    ],
  };
}

/** Creates the map; returns a function that removes it. Never throws: failures go to onFail. */
export function drawCommunesMap(input: MapInput): () => void {
  let map: maplibregl.Map | undefined;
  try {
    const [west, south, east, north] = input.bbox;
    map = new maplibregl.Map({
      container: input.container,
      style: buildStyle(input.data, input.breaks),
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
    map.on('load', input.onReady); // 'load' fires once per map
    map.on('error', (event) => input.onFail(event.error));
  } catch (error) {
    input.onFail(error);
  }
  return () => map?.remove();
}
