/** @module Pure choropleth arithmetic: residents per 1,000 inhabitants, "nice" class breaks, colours and legend. */
import type { CommuneCollection, CommuneProperties } from '../core/types.ts';

/** Light-to-dark blues (ColorBrewer "Blues"); index 0 is for communes with nobody registered.
 * styles/main.css repeats them as .swatch-0 … .swatch-4 for the legend. */
export const PALETTE = ['#f2f2f2', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;
const CLASSES = PALETTE.length - 1;
const DARKEST = PALETTE[4];

export type RatedCommune = CommuneProperties & { rate: number };

/** Residents per 1,000 inhabitants; 0 when the INSEE population is unknown or zero. */
export function ratePerThousand(residents: number, population: number): number {
  return population > 0 ? (residents / population) * 1000 : 0;
}

/** The same collection with a `rate` property on every feature (read by the map style). */
export function withRates(collection: CommuneCollection) {
  return {
    type: 'FeatureCollection' as const,
    features: collection.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, rate: ratePerThousand(feature.properties.residents, feature.properties.population) },
    })),
  };
}

/** 1, 2 or 5 × 10^k, the smallest one ≥ value. */
function niceStep(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= value) return factor * magnitude;
  return 10 * magnitude;
}

/**
 * Lower bounds of classes 2…n: round equal steps across the registered communes' range, so that
 * close rates (7.3 … 8.6) still spread over the palette. [] when there is one class or none.
 */
export function classBreaks(rates: readonly number[]): number[] {
  const positive = rates.filter((rate) => rate > 0);
  if (positive.length === 0) return [];
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  if (high <= low) return [];
  const step = niceStep((high - low) / CLASSES);
  const start = Math.floor(low / step) * step;
  return Array.from({ length: CLASSES - 1 }, (_, i) => Number((start + step * (i + 1)).toPrecision(12))).filter(
    (bound) => bound > low && bound <= high,
  );
}

/** The palette colour of a rate, matching `fillColorExpression`. */
export function colourOf(rate: number, breaks: readonly number[]): string {
  if (rate <= 0) return PALETTE[0];
  const index = breaks.filter((bound) => rate >= bound).length + 1;
  return PALETTE[index] ?? DARKEST;
}

/** MapLibre expression giving each feature the colour `colourOf` would. */
export function fillColorExpression(breaks: readonly number[]): unknown[] {
  // A step needs at least one stop: without breaks (one class, or every rate hidden), every positive rate is one colour.
  if (breaks.length === 0) return ['case', ['<=', ['get', 'rate'], 0], PALETTE[0], PALETTE[1]];
  const steps: unknown[] = ['step', ['get', 'rate'], PALETTE[1]];
  breaks.forEach((bound, i) => steps.push(bound, PALETTE[i + 2]));
  return ['case', ['<=', ['get', 'rate'], 0], PALETTE[0], steps];
}

export interface LegendEntry {
  colour: string;
  /** null for the "nobody registered" entry. */
  from: number | null;
  /** null for the open-ended last class. */
  to: number | null;
}

export function legendEntries(breaks: readonly number[]): LegendEntry[] {
  const entries: LegendEntry[] = [{ colour: PALETTE[0], from: null, to: null }];
  const bounds = [0, ...breaks];
  bounds.forEach((from, i) => entries.push({ colour: PALETTE[i + 1] ?? DARKEST, from, to: bounds[i + 1] ?? null }));
  return entries;
}
