/** @module Which adapter of the geocoding port a territory's requests use: the address API when GEOCODER_URL is set, the offline one otherwise. */
import type { Executor } from '../core/database/schema.ts';
import type { Config } from '../core/config.ts';
import { banGeocoder } from './ban-geocoder.ts';
import type { Geocoder } from './geocoder.ts';
import { offlineGeocoder } from './offline-geocoder.ts';

export function geocoderFor(deps: { db: Executor; config: Pick<Config, 'geocoderUrl' | 'geocoderTimeoutMs'> }, territoryId: string): Geocoder {
  const { geocoderUrl, geocoderTimeoutMs } = deps.config;
  return geocoderUrl ? banGeocoder({ url: geocoderUrl, timeoutMs: geocoderTimeoutMs }) : offlineGeocoder(deps.db, territoryId);
}
