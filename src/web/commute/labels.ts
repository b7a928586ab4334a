/** @module Words for commute values: modes and the server's distance source, in the interface language. */
import type { MobilityKey } from '../i18n/mobility-fr.ts';
import { COMMUTE_MODES, type CommuteMode } from './types.ts';

export function modeOptions(m: (key: MobilityKey) => string): { value: CommuteMode; label: string }[] {
  return COMMUTE_MODES.map((mode) => ({ value: mode, label: m(`mode.${mode}`) }));
}

// The server describes how it measured the distance in English; known wordings are shown translated.
const DISTANCE_SOURCES: Record<string, MobilityKey> = {
  'great-circle distance between the two cells × 1.3 road factor': 'commute.distanceSource.crowFlies',
};

/** The translated sentence, or null when the server's wording is new (then shown as sent, marked English). */
export function distanceSourceKey(source: string): MobilityKey | null {
  return DISTANCE_SOURCES[source] ?? null;
}
