/** @module The router port (road distance and duration between two points) and a straight-line router for when no road graph is loaded. */

export interface LatLng {
  lat: number;
  lng: number;
}

export interface Leg {
  km: number;
  minutes: number;
}

export interface Router {
  leg(from: LatLng, to: LatLng): Leg;
  /**
   * Set only when `leg(a, b).km` is exactly `roadFactor × greatCircleKm(a, b)`: the trip index then
   * prunes with straight-line lower bounds. A router without it (a real road graph) is still exact,
   * only slower to search.
   */
  readonly roadFactor?: number;
}

/** IUGG mean Earth radius; PostGIS uses the same sphere, so SQL and TypeScript distances agree. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Road km per straight-line km. Road networks measure 1.2–1.4 times the crow-flies distance
 * (Ballou, Rahardja & Sakai 2002, "Selected country circuity factors for road travel distance
 * estimation"); 1.3 is the usual middle value for a French urban area with a river and a railway.
 */
export const ROAD_FACTOR = 1.3;

/**
 * Door-to-door average car speed in town at peak hours, lights and congestion included: urban peak
 * averages sit between 25 and 35 km/h, so 30 keeps minutes honest without a traffic model.
 */
export const URBAN_KMH = 30;

const RAD = Math.PI / 180;

/** Haversine distance on the sphere of radius EARTH_RADIUS_KM. */
export function greatCircleKm(a: LatLng, b: LatLng): number {
  const sinLat = Math.sin(((b.lat - a.lat) * RAD) / 2);
  const sinLng = Math.sin(((b.lng - a.lng) * RAD) / 2);
  const h = sinLat * sinLat + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * sinLng * sinLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Great-circle distance × road factor (1.3), at an average urban speed (30 km/h).
 * @example crowFliesRouter().leg({ lat: 47.32, lng: 5.04 }, { lat: 47.33, lng: 5.04 }) // { km: ≈1.45, minutes: ≈2.9 }
 */
export function crowFliesRouter(options: { roadFactor?: number; kmPerHour?: number } = {}): Router {
  const roadFactor = options.roadFactor ?? ROAD_FACTOR;
  const minutesPerKm = 60 / (options.kmPerHour ?? URBAN_KMH);
  return {
    roadFactor,
    leg(from, to) {
      const km = roadFactor * greatCircleKm(from, to);
      return { km, minutes: km * minutesPerKm };
    },
  };
}
