// The impact engine and its factors table: values computed by hand, carpool shares, explanations that cite their factors, validation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { EDITION, FACTORS as MIGRATED } from '../core/database/migrations/0014_factor_editions.ts';
import { DEFAULT_EDITION, DEFAULT_FACTORS, defaultFactorMap, FACTOR_KEYS, factorProblems, factorsFromRows, TRIP_NOT_MADE, validateEdition, validateFactors, type Factor, type FactorKey } from './factors.ts';
import { modeSwitchImpact, type Mode } from './impact.ts';

const factors = defaultFactorMap();
const CAR = 0.1423; // kgCO2e per vehicle-km (Impact CO2, 2026-05-04)
const EUR = 0.636; // € per car-km

describe('modeSwitchImpact', () => {
  it('computes 10 km by bike by hand', () => {
    const i = modeSwitchImpact('bike', 10, factors);
    expect(i.co2eKg).toBeCloseTo(10 * (CAR - 0.00017), 12); // 1.4213 kg
    expect(i.carKm).toBe(10);
    expect(i.euros).toBeCloseTo(6.36, 12);
  });

  it('uses each mode factor per passenger-km', () => {
    const table: [Mode, number][] = [['ebike', 0.01095], ['walk', 0], ['bus', 0.12242], ['tram', 0.00428], ['metro', 0.00444], ['ter', 0.02769]];
    for (const [mode, value] of table) {
      expect(modeSwitchImpact(mode, 12, factors).co2eKg).toBeCloseTo(12 * (CAR - value), 12);
    }
  });

  it('counts telework as the whole car trip avoided', () => {
    const i = modeSwitchImpact('telework', 18, factors);
    expect(i.co2eKg).toBeCloseTo(18 * CAR, 12); // 2.5614 kg
    expect(i.carKm).toBe(18);
    expect(i.euros).toBeCloseTo(18 * EUR, 12);
  });

  it('credits each carpool occupant 1/n of the cars taken off the road', () => {
    // 2 in the car: each bears 0.07115 kg/km and avoids 0.1423 − 0.07115 = 0.07115 kg/km; 10 km → 0.7115 kg, 5 car-km, 3.18 €.
    const two = modeSwitchImpact('carpool', 10, factors, 2);
    expect(two.co2eKg).toBeCloseTo(0.7115, 12);
    expect(two.carKm).toBeCloseTo(5, 12);
    expect(two.euros).toBeCloseTo(3.18, 12);
    // 3 in the car: avoids 0.1423 × 2/3 = 0.09487 kg/km; 10 km → 0.9487 kg, 6.667 car-km, 4.24 €.
    const three = modeSwitchImpact('carpool', 10, factors, 3);
    expect(three.co2eKg).toBeCloseTo((10 * CAR * 2) / 3, 12);
    expect(three.carKm).toBeCloseTo(20 / 3, 12);
    expect(three.euros).toBeCloseTo(4.24, 12);
    expect(modeSwitchImpact('carpool', 10, factors).co2eKg).toBe(two.co2eKg); // 2 by default
  });

  it('adds up, over the n occupants of one car, to the n − 1 cars left at home', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.double({ min: 0, max: 200, noNaN: true }), (n, km) => {
        const one = modeSwitchImpact('carpool', km, factors, n);
        return Math.abs(n * one.carKm - (n - 1) * km) < 1e-9 && Math.abs(n * one.co2eKg - (n - 1) * km * CAR) < 1e-9;
      }),
    );
  });

  it('ignores occupants outside carpool and refuses a one-person carpool or a bad distance', () => {
    expect(modeSwitchImpact('tram', 5, factors, 2)).toEqual(modeSwitchImpact('tram', 5, factors));
    expect(() => modeSwitchImpact('carpool', 5, factors, 1)).toThrow(RangeError);
    expect(() => modeSwitchImpact('carpool', 5, factors, 2.5)).toThrow(RangeError);
    expect(() => modeSwitchImpact('bike', -1, factors)).toThrow(RangeError);
    expect(() => modeSwitchImpact('bike', Number.NaN, factors)).toThrow(RangeError);
  });

  it('names a missing factor', () => {
    const partial = new Map(factors);
    partial.delete('ter');
    expect(() => modeSwitchImpact('ter', 5, partial)).toThrow(/"ter"/);
  });

  it('explains with keys, and cites each factor value, unit, source and date', () => {
    const i = modeSwitchImpact('bike', 10, factors);
    expect(i.lines.map((l) => l.key)).toEqual(['impact.baseline', 'impact.mode', 'impact.co2', 'impact.carKm', 'impact.euros']);
    expect(i.explanation).toEqual(i.lines.map((l) => l.text));
    expect(i.explanation[0]).toContain('0,1423 kgCO2e/vehicle-km (Impact CO2 (ADEME), deplacement.ts, voiturethermique : carburant 0,1106 + construction 0,0317');
    expect(i.explanation[0]).toContain(', 2026-05-04)');
    expect(i.explanation[1]).toContain('Vélo : 0,00017 kgCO2e/passenger-km');
    expect(i.explanation[2]).toBe('CO2e évité : 10 km × (0,1423 − 0,00017) = 1,421 kg.');
    expect(i.explanation[4]).toContain('0,636 EUR/vehicle-km (DGFiP, barème kilométrique des voitures applicable aux revenus 2024');
    expect(i.explanation[4]).toContain('= 6,36 €');
    expect(i.lines[1]!.values).toMatchObject({ mode: 'bike', factor: 'bike', value: 0.00017, date: '2026-05-04' });
    expect(modeSwitchImpact('carpool', 10, factors, 3).lines.map((l) => l.key)).toContain('impact.carpool.share');
  });
});

describe('the factors table', () => {
  it('holds every key once, valid, from one edition: Impact CO2 of 2026-05-04 and the barème of the revenus 2024', () => {
    expect(factorProblems(DEFAULT_FACTORS)).toEqual([]);
    expect(() => validateEdition(DEFAULT_EDITION)).not.toThrow();
    expect(DEFAULT_FACTORS.map((f) => f.key).sort()).toEqual([...FACTOR_KEYS].sort());
    expect(Object.fromEntries(DEFAULT_FACTORS.map((f) => [f.key, f.value]))).toEqual({
      car_thermal: 0.1423, car_electric: 0.06737, bus_thermal: 0.12242, tram: 0.00428, metro: 0.00444, ter: 0.02769,
      bike: 0.00017, ebike: 0.01095, walk: 0, telework: 0, euros_per_car_km: 0.636,
    });
    expect(DEFAULT_EDITION).toMatchObject({ id: 'impactco2-2026-05-04', date: '2026-05-04' });
    // Every emission factor comes from the same data file at the same commit, dated like the edition.
    for (const f of DEFAULT_FACTORS.filter((x) => x.key !== 'euros_per_car_km' && x.key !== 'telework')) {
      expect(f).toMatchObject({ sourceUrl: DEFAULT_EDITION.source, publishedOn: DEFAULT_EDITION.date });
    }
    expect(DEFAULT_FACTORS.find((f) => f.key === 'car_thermal')?.components).toEqual({ use: 0.1106, construction: 0.0317 });
    expect(DEFAULT_FACTORS.find((f) => f.key === 'telework')).toMatchObject({ value: 0, basis: TRIP_NOT_MADE, sourceUrl: null });
    expect(DEFAULT_FACTORS.find((f) => f.key === 'euros_per_car_km')?.source).toMatch(/revenus 2024.*5 CV.*d ≤ 5 000 km/);
  });

  it('is the edition migration 0014 moves territories to, value for value', () => {
    expect(EDITION).toEqual({ id: DEFAULT_EDITION.id, name: DEFAULT_EDITION.name, date: DEFAULT_EDITION.date, source: DEFAULT_EDITION.source });
    const migrated = MIGRATED.map(([key, value, unit, source, sourceUrl, publishedOn, use, construction, basis]) => ({
      key, value, unit, source, sourceUrl, publishedOn, components: use === null || construction === null ? null : { use, construction }, significantDigits: 2, basis,
    }));
    expect(migrated).toEqual(DEFAULT_FACTORS);
  });

  it('reads database rows (numeric strings, Date or text dates, jsonb components as text) into a map', () => {
    const rows = DEFAULT_FACTORS.map((f) => ({
      key: f.key, value: String(f.value), unit: f.unit, source: f.source, source_url: f.sourceUrl, published_on: new Date(`${f.publishedOn}T00:00:00Z`),
      components: f.components ? JSON.stringify(f.components) : null, significant_digits: f.significantDigits, basis: f.basis,
    }));
    const map = factorsFromRows(rows);
    expect(map.get('tram')).toEqual(DEFAULT_FACTORS.find((f) => f.key === 'tram'));
    expect(factorProblems(map)).toEqual([]);
    expect(modeSwitchImpact('bike', 10, map).co2eKg).toBe(modeSwitchImpact('bike', 10, factors).co2eKg);
  });

  it('names every problem with its field, and throws invalid on the first', () => {
    const broken: Factor[] = DEFAULT_FACTORS.filter((f) => f.key !== 'metro').map((f) => {
      if (f.key === 'bus_thermal') return { ...f, value: -0.1 };
      if (f.key === 'tram') return { ...f, value: Number.NaN };
      if (f.key === 'ter') return { ...f, source: ' ' };
      if (f.key === 'bike') return { ...f, publishedOn: '2024' };
      if (f.key === 'ebike') return { ...f, components: { use: 0.1, construction: 0.2 } };
      if (f.key === 'walk') return { ...f, significantDigits: 0 };
      return f;
    });
    broken.push({ key: 'plane' as FactorKey, value: 0.2, unit: 'kgCO2e/passenger-km', source: 'x', sourceUrl: null, publishedOn: '2024-01-01', components: null, significantDigits: 2, basis: null });
    broken.push(broken[0]!);
    expect(factorProblems(broken)).toEqual([
      { key: 'bus_thermal', problem: 'negative', field: '/factors/2/value' },
      { key: 'tram', problem: 'not_a_number', field: '/factors/3/value' },
      { key: 'ter', problem: 'no_source', field: '/factors/4/source' },
      { key: 'bike', problem: 'bad_date', field: '/factors/5/publishedOn' },
      { key: 'ebike', problem: 'bad_components', field: '/factors/6/components' },
      { key: 'walk', problem: 'bad_precision', field: '/factors/7/significantDigits' },
      { key: 'plane', problem: 'unknown', field: '/factors/10/key' },
      { key: 'car_thermal', problem: 'duplicate', field: '/factors/11/key' },
      { key: 'metro', problem: 'missing', field: '/factors' },
    ]);
    const error = (() => { try { validateFactors(broken); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid', field: '/factors/2/value' });
    expect((error as AppError).detail).toContain('metro missing');
    expect(() => validateEdition({ ...DEFAULT_EDITION, id: 'A B' })).toThrow(expect.objectContaining({ field: '/edition/id' }));
    expect(() => validateEdition({ ...DEFAULT_EDITION, date: '2026-13-40' })).toThrow(expect.objectContaining({ field: '/edition/date' }));
  });
});
