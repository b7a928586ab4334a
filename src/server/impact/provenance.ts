/** @module Where impact figures come from: pointers to the factors versions used, their dated sources, and the figures rounded by the one rule. */
import { PRECISION, provenance, round, roundFigure, type FactorsPointer, type Provenance, type Source } from '../core/figures.ts';
import type { Executor } from '../core/database/schema.ts';
import { factorsVersion, type FactorSet } from './factor-store.ts';
import { co2eDigits } from './factors.ts';

export function factorsHref(slug: string, version: number): string {
  return `/api/territories/${slug}/impact/factors?version=${version}`;
}

export function factorsPointer(slug: string, set: FactorSet): FactorsPointer {
  return { href: factorsHref(slug, set.version), version: set.version, edition: set.edition };
}

/** One source per edition, plus each factor read elsewhere than its edition's file (the barème). */
export function factorSources(sets: readonly FactorSet[]): Source[] {
  const out = new Map<string, Source>();
  for (const set of sets) {
    out.set(`${set.edition.id}|${set.edition.source}`, { label: set.edition.name, url: /^https?:/.test(set.edition.source) ? set.edition.source : null, date: set.edition.date });
    for (const f of set.factors.values()) {
      if (f.sourceUrl === set.edition.source) continue;
      const key = `${f.sourceUrl ?? f.source}|${f.publishedOn}`;
      if (!out.has(key)) out.set(key, { label: `${f.key}: ${f.source}`, url: f.sourceUrl, date: f.publishedOn });
    }
  }
  return [...out.values()];
}

/** The queue model as a source: a computation of the day, over the demand counts entered with each corridor. */
export function queueModelSource(date: string): Source {
  return { label: 'Maille queue model (deterministic point queue, Vickrey bottleneck) over each corridor’s demand per slot — docs/queue-model.md', url: null, date };
}

/** The factors versions the given gestures were computed with, loaded once each; the current set when none. */
export async function setsUsed(db: Executor, territoryId: string, versions: readonly number[], current: FactorSet): Promise<FactorSet[]> {
  const sets: FactorSet[] = [];
  for (const v of [...new Set(versions)].sort((a, b) => a - b)) {
    const set = v === current.version ? current : await factorsVersion(db, territoryId, v);
    if (set) sets.push(set);
  }
  return sets.length ? sets : [current];
}

export function impactProvenance(slug: string, sets: readonly FactorSet[], method: string[], extra: Source[] = []): Provenance {
  return provenance({ method, sources: [...factorSources(sets), ...extra], factors: sets.map((s) => factorsPointer(slug, s)) });
}

/** Significant figures the factors support: the least precise emission factor for CO2e, the €/km factor for euros. */
export interface Digits { co2eKg: number; euros: number }

export function digitsOf(sets: readonly FactorSet[]): Digits {
  if (sets.length === 0) return { co2eKg: PRECISION.co2eKg, euros: PRECISION.euros };
  return {
    co2eKg: Math.min(...sets.map((s) => co2eDigits(s.factors))),
    euros: Math.min(...sets.map((s) => s.factors.get('euros_per_car_km')?.significantDigits ?? PRECISION.euros)),
  };
}

/** A gesture's or a week's figures as shown: CO2e and euros by the factors' significant figures (2 today), car-km 3, delays 2. */
export function roundImpact<T extends { co2eKg: number; carKm: number; euros: number; delaySavedVehicleHours?: number }>(x: T, digits: Digits): T {
  const out = { ...x, co2eKg: roundFigure(x.co2eKg, digits.co2eKg), carKm: round('carKm', x.carKm), euros: roundFigure(x.euros, digits.euros) };
  if (x.delaySavedVehicleHours !== undefined) out.delaySavedVehicleHours = round('vehicleHours', x.delaySavedVehicleHours);
  return out;
}
