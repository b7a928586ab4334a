/** @module The impact factors: ADEME emission factors per km and the fiscal cost of a car-km, each with unit, source and date. */
import { invalid } from '../core/errors.ts';

export type FactorKey = 'car_thermal' | 'car_electric' | 'bus_thermal' | 'tram' | 'metro' | 'ter' | 'bike' | 'ebike' | 'walk' | 'telework' | 'euros_per_car_km';
export interface Factor { key: FactorKey; value: number; unit: string; source: string; publishedOn: string }

export const FACTOR_KEYS: readonly FactorKey[] = ['car_thermal', 'car_electric', 'bus_thermal', 'tram', 'metro', 'ter', 'bike', 'ebike', 'walk', 'telework', 'euros_per_car_km'];

const ADEME = 'ADEME, Base Carbone / Impact CO2 (impactco2.fr)';
// The fiscal allowance for a 5 CV car driven ≤ 5,000 km a year: it covers fuel, servicing, tyres, insurance
// and depreciation, so it is an upper estimate of what a driver saves per km not driven.
const BAREME = 'impots.gouv.fr, barème kilométrique applicable aux revenus 2024 (identique à celui des revenus 2023), voiture 5 CV, d ≤ 5 000 km : d × 0,636 €';

// Values as displayed by Impact CO2 (direct emissions + vehicle construction, per km), read in the
// incubateur-ademe/impactco2 data files. `publishedOn` is the edition's year as YYYY-01-01 where the day
// is not published. Vintages differ (2024 vs 2025 editions): see docs/impact-factors.md before comparing.
export const DEFAULT_FACTORS: Factor[] = [
  { key: 'car_thermal', value: 0.218, unit: 'kgCO2e/vehicle-km', source: ADEME, publishedOn: '2024-01-01' }, // 0.192 use + 0.0256 construction
  { key: 'car_electric', value: 0.067, unit: 'kgCO2e/vehicle-km', source: ADEME, publishedOn: '2025-01-01' },
  { key: 'bus_thermal', value: 0.122, unit: 'kgCO2e/passenger-km', source: ADEME, publishedOn: '2025-01-01' },
  { key: 'tram', value: 0.0043, unit: 'kgCO2e/passenger-km', source: ADEME, publishedOn: '2024-01-01' },
  { key: 'metro', value: 0.0044, unit: 'kgCO2e/passenger-km', source: ADEME, publishedOn: '2024-01-01' },
  { key: 'ter', value: 0.0277, unit: 'kgCO2e/passenger-km', source: ADEME, publishedOn: '2024-01-01' },
  { key: 'bike', value: 0.00017, unit: 'kgCO2e/passenger-km', source: ADEME, publishedOn: '2025-01-01' }, // construction only
  { key: 'ebike', value: 0.011, unit: 'kgCO2e/passenger-km', source: ADEME, publishedOn: '2024-01-01' },
  { key: 'walk', value: 0, unit: 'kgCO2e/passenger-km', source: ADEME, publishedOn: '2024-01-01' },
  { key: 'telework', value: 0, unit: 'kgCO2e/km (trip avoided)', source: `${ADEME}: a trip not made emits nothing`, publishedOn: '2024-01-01' },
  { key: 'euros_per_car_km', value: 0.636, unit: 'EUR/vehicle-km', source: BAREME, publishedOn: '2025-01-01' },
];

export interface FactorRow { key: string; value: number | string; unit: string; source: string; published_on: string | Date }

/** Database rows (`impact_factors`, one version) as a map; unknown keys are left for `validateFactors` to report. */
export function factorsFromRows(rows: readonly FactorRow[]): Map<FactorKey, Factor> {
  const map = new Map<FactorKey, Factor>();
  for (const r of rows) {
    const publishedOn = r.published_on instanceof Date ? r.published_on.toISOString().slice(0, 10) : r.published_on;
    map.set(r.key as FactorKey, { key: r.key as FactorKey, value: Number(r.value), unit: r.unit, source: r.source, publishedOn });
  }
  return map;
}

export function defaultFactorMap(): Map<FactorKey, Factor> {
  return new Map(DEFAULT_FACTORS.map((f) => [f.key, { ...f }]));
}

export interface FactorProblem {
  key: string;
  problem: 'missing' | 'unknown' | 'duplicate' | 'negative' | 'not_a_number' | 'no_source' | 'bad_date';
  /** JSON pointer into a submitted `factors` array. */
  field: string;
}

/** What is wrong with a factor set: each key present once and known, values finite and ≥ 0, a source, a YYYY-MM-DD date. */
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
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.publishedOn ?? '')) problems.push({ key: f.key, problem: 'bad_date', field: at('/publishedOn') });
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
