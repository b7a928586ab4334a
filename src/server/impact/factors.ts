/** @module The impact factors: emission factors per km and the fiscal cost of a car-km, each with unit, source, date and components, grouped in dated editions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { invalid } from '../core/errors.ts';
import { isCalendarDate } from '../core/dates.ts';
import { projectRoot } from '../core/paths.ts';

export type FactorKey = 'car_thermal' | 'car_electric' | 'bus_thermal' | 'tram' | 'metro' | 'ter' | 'bike' | 'ebike' | 'walk' | 'telework' | 'euros_per_car_km';

/** Where a factor's value splits, as its source gives it: use (fuel or electricity) and vehicle construction. */
export interface FactorComponents { use: number; construction: number }

export interface Factor {
  key: FactorKey;
  value: number;
  unit: string;
  /** The citation: who publishes it, which file or scale, which line. */
  source: string;
  /** Where the value can be read; null when the factor is a convention rather than a published figure. */
  sourceUrl: string | null;
  /** YYYY-MM-DD: the exact date of the source's edition (for the barème: the first day of the income year it applies to). */
  publishedOn: string;
  components: FactorComponents | null;
  /** Significant figures a figure computed with this factor is shown with (docs/impact-factors.md, "Precision"). */
  significantDigits: number;
  /** What the factor rests on when it is not a measured emission: `trip_not_made` for telework, the barème's band for euros. */
  basis: string | null;
}

/** A complete, dated set of factors as a territory imports it: one JSON file per edition (data/impact-factors/). */
export interface FactorEdition {
  id: string;
  name: string;
  date: string;
  source: string;
  factors: Factor[];
}

/** An edition without its factors: what a factors version names. */
export type EditionInfo = Omit<FactorEdition, 'factors'>;

export const FACTOR_KEYS: readonly FactorKey[] = ['car_thermal', 'car_electric', 'bus_thermal', 'tram', 'metro', 'ter', 'bike', 'ebike', 'walk', 'telework', 'euros_per_car_km'];

/** Telework has no emission factor: the trip is not made, so it avoids the commute distance × the usual mode's factor. */
export const TRIP_NOT_MADE = 'trip_not_made';

export interface FactorProblem {
  key: string;
  problem: 'missing' | 'unknown' | 'duplicate' | 'negative' | 'not_a_number' | 'no_source' | 'bad_date' | 'bad_components' | 'bad_precision';
  /** JSON pointer into a submitted `factors` array. */
  field: string;
}

/** Components, when given, add up to the value (to 1e-6 kg: sources print rounded parts). */
function componentsFit(f: Factor): boolean {
  if (!f.components || !Number.isFinite(f.value) || f.value < 0) return true;
  const { use, construction } = f.components;
  return Number.isFinite(use) && Number.isFinite(construction) && use >= 0 && construction >= 0 && Math.abs(use + construction - f.value) < 1e-6;
}

/** What is wrong with a factor set: each key present once and known, values finite and ≥ 0, a source, a YYYY-MM-DD date, parts that add up. */
export function factorProblems(factors: Iterable<Factor> | Map<FactorKey, Factor>): FactorProblem[] {
  const list = factors instanceof Map ? [...factors.values()] : [...factors];
  const problems: FactorProblem[] = [];
  const seen = new Set<string>();
  list.forEach((f, i) => {
    const at = (part: string) => `/factors/${i}${part}`;
    if (seen.has(f.key)) problems.push({ key: f.key, problem: 'duplicate', field: at('/key') });
    seen.add(f.key);
    if (!FACTOR_KEYS.includes(f.key)) problems.push({ key: f.key, problem: 'unknown', field: at('/key') });
    if (!Number.isFinite(f.value)) problems.push({ key: f.key, problem: 'not_a_number', field: at('/value') });
    else if (f.value < 0) problems.push({ key: f.key, problem: 'negative', field: at('/value') });
    if (!f.source?.trim()) problems.push({ key: f.key, problem: 'no_source', field: at('/source') });
    if (!isCalendarDate(f.publishedOn)) problems.push({ key: f.key, problem: 'bad_date', field: at('/publishedOn') });
    if (!componentsFit(f)) problems.push({ key: f.key, problem: 'bad_components', field: at('/components') });
    if (!Number.isInteger(f.significantDigits) || f.significantDigits < 1 || f.significantDigits > 6) problems.push({ key: f.key, problem: 'bad_precision', field: at('/significantDigits') });
  });
  for (const key of FACTOR_KEYS) if (!seen.has(key)) problems.push({ key, problem: 'missing', field: '/factors' });
  return problems;
}

/** Throws `invalid` naming the first problem's field and listing them all; returns quietly for a sound set. */
export function validateFactors(factors: Iterable<Factor> | Map<FactorKey, Factor>): void {
  const problems = factorProblems(factors);
  const first = problems[0];
  if (first) throw invalid(first.field, `Impact factors: ${problems.map((p) => `${p.key} ${p.problem.replace(/_/g, ' ')}`).join(', ')}.`);
}

/** An edition's own fields (id, name, date, source), then its factors. */
export function validateEdition(edition: FactorEdition): void {
  if (!/^[a-z0-9][a-z0-9._-]{2,79}$/.test(edition.id)) throw invalid('/edition/id', 'An edition id is 3 to 80 lowercase letters, digits, dots, dashes or underscores.');
  if (!edition.name.trim()) throw invalid('/edition/name', 'An edition needs a name.');
  if (!isCalendarDate(edition.date)) throw invalid('/edition/date', 'An edition date is YYYY-MM-DD.');
  if (!edition.source.trim()) throw invalid('/edition/source', 'An edition names its source (the URL of its data file).');
  validateFactors(edition.factors);
}

/** The significant figures a CO2e figure is shown with: the least precise emission factor's. */
export function co2eDigits(factors: Map<FactorKey, Factor>): number {
  const emission = [...factors.values()].filter((f) => f.key !== 'euros_per_car_km');
  return emission.length ? Math.min(...emission.map((f) => f.significantDigits)) : 2;
}

/** The edition every new territory starts with: Impact CO2's transport data of 2026-05-04 and the barème of the revenus 2024. */
export const DEFAULT_EDITION_FILE = path.join(projectRoot, 'data/impact-factors/impactco2-2026-05-04.json');
export const DEFAULT_EDITION: FactorEdition = JSON.parse(readFileSync(DEFAULT_EDITION_FILE, 'utf8')) as FactorEdition;
export const DEFAULT_FACTORS: Factor[] = DEFAULT_EDITION.factors;

export function editionInfo(edition: FactorEdition): EditionInfo {
  return { id: edition.id, name: edition.name, date: edition.date, source: edition.source };
}

export function defaultFactorMap(): Map<FactorKey, Factor> {
  return new Map(DEFAULT_FACTORS.map((f) => [f.key, { ...f }]));
}

export interface FactorRow {
  key: string;
  value: number | string;
  unit: string;
  source: string;
  source_url: string | null;
  published_on: string | Date;
  components: FactorComponents | string | null;
  significant_digits: number;
  basis: string | null;
}

/** Database rows (`impact_factors`, one version) as a map; unknown keys are left for `validateFactors` to report. */
export function factorsFromRows(rows: readonly FactorRow[]): Map<FactorKey, Factor> {
  const map = new Map<FactorKey, Factor>();
  for (const r of rows) {
    const publishedOn = r.published_on instanceof Date ? r.published_on.toISOString().slice(0, 10) : r.published_on;
    const components = typeof r.components === 'string' ? (JSON.parse(r.components) as FactorComponents) : r.components;
    map.set(r.key as FactorKey, {
      key: r.key as FactorKey, value: Number(r.value), unit: r.unit, source: r.source, sourceUrl: r.source_url, publishedOn,
      components: components ?? null, significantDigits: r.significant_digits, basis: r.basis,
    });
  }
  return map;
}
