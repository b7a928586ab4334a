/** @module Types for MapLibre's CSP build (no eval, no blob: worker): the same API as the main build. */
declare module 'maplibre-gl/dist/maplibre-gl-csp.js' {
  export * from 'maplibre-gl';
}
