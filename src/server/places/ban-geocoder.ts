/**
 * @module The Base Adresse Nationale adapter of the geocoding port: `GET {GEOCODER_URL}/search/?q=…&limit=…&lat=…&lon=…`
 * and `/reverse/?lat=…&lon=…`, answering a GeoJSON FeatureCollection (GeoCodeJSON) whose features carry
 * `properties.label`, `score`, `citycode`, `type` and a Point `[lon, lat]` (https://adresse.data.gouv.fr/api-doc/adresse).
 * A call that takes longer than GEOCODER_TIMEOUT_MS or cannot connect is a 503 problem; an HTTP error or an answer
 * that is not that format is a 502: never a 500.
 */
import { AppError } from '../core/errors.ts';
import type { Geocoder, PlaceCandidate } from './geocoder.ts';
import type { LatLon, PlaceKind } from './model.ts';

export interface BanOptions {
  /** The API's base URL, without the trailing slash: https://api-adresse.data.gouv.fr */
  url: string;
  timeoutMs: number;
  /** The fetch to use (tests may count calls); the global one otherwise. */
  fetch?: typeof fetch;
}

const BAN_TYPES: readonly PlaceKind[] = ['housenumber', 'street', 'locality', 'municipality'];
/** BAN's documented maximum for `limit`. */
const BAN_MAX_LIMIT = 20;

const unavailable = (detail: string, internal: string) => new AppError('unavailable', detail, { internal, reason: 'geocoder_unavailable' });
const badGateway = (internal: string) =>
  new AppError('bad_gateway', 'The address service gave an answer Maille cannot read; try again later or choose a commune or a meeting point.', { internal, reason: 'geocoder_bad_answer' });

/** One feature of a BAN answer as a candidate, or null when it lacks what a candidate needs. */
function candidateOf(feature: unknown): PlaceCandidate | null {
  if (typeof feature !== 'object' || feature === null) return null;
  const { geometry, properties } = feature as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> };
  const coordinates = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : null;
  const [lon, lat] = coordinates ?? [];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const label = properties?.label;
  if (typeof label !== 'string' || label.trim() === '' || label.length > 300) return null;
  const type = properties?.type;
  const kind: PlaceKind = BAN_TYPES.includes(type as PlaceKind) ? (type as PlaceKind) : 'locality';
  const citycode = properties?.citycode;
  const score = properties?.score;
  return {
    label: label.trim(),
    lat,
    lon,
    communeCode: typeof citycode === 'string' && /^[0-9AB]{5}$/.test(citycode) ? citycode : null,
    kind,
    ...(typeof score === 'number' && score >= 0 && score <= 1 ? { score } : {}),
  };
}

export function banGeocoder(options: BanOptions): Geocoder {
  const call = options.fetch ?? fetch;
  async function features(path: string, params: Record<string, string>): Promise<PlaceCandidate[]> {
    const url = `${options.url}${path}?${new URLSearchParams(params).toString()}`;
    // What is logged names the endpoint, never what the person typed.
    const where = `${options.url}${path}`;
    let response: Response;
    try {
      response = await call(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw unavailable(
        timedOut ? 'The address service did not answer in time; try again, or choose a commune or a meeting point.' : 'The address service cannot be reached; try again later, or choose a commune or a meeting point.',
        `${where}: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`,
      );
    }
    let body: unknown;
    try {
      body = response.ok ? await response.json() : await response.text().then(() => undefined);
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw unavailable('The address service did not answer in time; try again, or choose a commune or a meeting point.', `${where}: body timed out`);
      }
      throw badGateway(`${where}: the body is not JSON`);
    }
    if (response.status === 503 || response.status === 429) throw unavailable('The address service is busy; try again in a moment, or choose a commune or a meeting point.', `${where}: ${response.status}`);
    if (!response.ok) throw badGateway(`${where}: HTTP ${response.status}`);
    const collection = body as { type?: unknown; features?: unknown } | null;
    if (typeof collection !== 'object' || collection === null || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
      throw badGateway(`${where}: not a GeoJSON FeatureCollection`);
    }
    return collection.features.map(candidateOf).filter((c): c is PlaceCandidate => c !== null);
  }
  return {
    source: 'ban',
    async search(text, { near, limit }) {
      const q = text.trim();
      // BAN refuses queries under 3 characters (400): ask nothing rather than turn that into an error.
      if (q.length < 3) return [];
      const params: Record<string, string> = { q, limit: String(Math.min(limit, BAN_MAX_LIMIT)), autocomplete: '1' };
      if (near) Object.assign(params, { lat: String(near.lat), lon: String(near.lon) });
      return features('/search/', params);
    },
    async reverse(point: LatLon) {
      const [first] = await features('/reverse/', { lat: String(point.lat), lon: String(point.lon), limit: '1' });
      return first ?? null;
    },
  };
}
