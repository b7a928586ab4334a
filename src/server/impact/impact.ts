/** @module The impact of replacing a solo car trip by another mode: CO2e avoided, car-km avoided, euros saved, and why. */
import type { Factor, FactorKey } from './factors.ts';

export type Mode = 'bike' | 'ebike' | 'walk' | 'bus' | 'tram' | 'metro' | 'ter' | 'telework' | 'carpool';
export const MODES: readonly Mode[] = ['bike', 'ebike', 'walk', 'bus', 'tram', 'metro', 'ter', 'telework', 'carpool'];
/** One explanation line: a stable key the UI translates, the values it needs, and a French rendering. */
export interface ExplanationLine { key: string; values: Record<string, string | number>; text: string }
export interface Impact {
  co2eKg: number;
  /** Car-km this person takes off the road (carpool: their share, see docs/impact-factors.md). */
  carKm: number;
  euros: number;
  /** French sentences, one per line of `lines`. */
  explanation: string[];
  lines: ExplanationLine[];
}

const MODE_FACTOR: Record<Exclude<Mode, 'carpool'>, FactorKey> = {
  bike: 'bike', ebike: 'ebike', walk: 'walk', bus: 'bus_thermal', tram: 'tram', metro: 'metro', ter: 'ter', telework: 'telework',
};
const MODE_LABEL_FR: Record<Mode, string> = {
  bike: 'Vélo', ebike: 'Vélo à assistance électrique', walk: 'Marche', bus: 'Bus thermique', tram: 'Tramway', metro: 'Métro', ter: 'TER', telework: 'Télétravail (trajet évité)', carpool: 'Covoiturage',
};

function need(factors: Map<FactorKey, Factor>, key: FactorKey): Factor {
  const f = factors.get(key);
  if (!f) throw new Error(`Impact factor "${key}" is missing from the factor set.`);
  return f;
}

/** French decimal: 0.218 → "0,218", at most `digits` decimals. */
function fr(x: number, digits = 3): string {
  return String(Number(x.toFixed(digits))).replace('.', ',');
}

function cite(f: Factor): string {
  return `${fr(f.value, 5)} ${f.unit} (${f.source}, ${f.publishedOn})`;
}

function line(key: string, values: Record<string, string | number>, text: string): ExplanationLine {
  return { key, values, text };
}

/**
 * Impact of replacing `km` of driving alone (average thermal car) by `mode`. Carpool: with `occupants`
 * people in the car (default 2), each is credited 1/occupants of the cars the carpool removes.
 * @example modeSwitchImpact('bike', 10, factors).co2eKg // 10 × (0.218 − 0.00017) = 2.1783
 */
export function modeSwitchImpact(mode: Mode, km: number, factors: Map<FactorKey, Factor>, occupants?: number): Impact {
  if (!(km >= 0) || !Number.isFinite(km)) throw new RangeError(`Distance ${km} km must be a finite number ≥ 0.`);
  const car = need(factors, 'car_thermal');
  const money = need(factors, 'euros_per_car_km');
  const lines: ExplanationLine[] = [
    line('impact.baseline', { factor: car.key, value: car.value, unit: car.unit, source: car.source, date: car.publishedOn }, `Référence : voiture thermique seule, ${cite(car)}.`),
  ];
  let co2eKg: number;
  let carKm: number;
  if (mode === 'carpool') {
    const n = occupants ?? 2;
    if (!Number.isInteger(n) || n < 2) throw new RangeError(`A carpool has at least 2 occupants, not ${n}.`);
    const kept = (n - 1) / n; // share of a car-km each occupant takes off the road
    carKm = km * kept;
    co2eKg = carKm * car.value; // = km × (car − car / n)
    lines.push(
      line('impact.carpool.share', { occupants: n, perPerson: car.value / n }, `Covoiturage à ${n} : chacun porte 1/${n} des émissions de la voiture, soit ${fr(car.value / n, 4)} kgCO2e/km.`),
      line('impact.co2', { km, avoidedPerKm: car.value - car.value / n, co2eKg }, `CO2e évité : ${fr(km, 2)} km × (${fr(car.value, 5)} − ${fr(car.value / n, 5)}) = ${fr(co2eKg)} kg.`),
      line('impact.carKm.carpool', { km, occupants: n, carKm }, `Voiture-km retirés de la route, votre part : ${fr(km, 2)} km × ${n - 1}/${n} = ${fr(carKm, 2)} km.`),
    );
  } else {
    const f = need(factors, MODE_FACTOR[mode]);
    carKm = km;
    co2eKg = km * (car.value - f.value);
    lines.push(
      line('impact.mode', { mode, factor: f.key, value: f.value, unit: f.unit, source: f.source, date: f.publishedOn }, `${MODE_LABEL_FR[mode]} : ${cite(f)}.`),
      line('impact.co2', { km, avoidedPerKm: car.value - f.value, co2eKg }, `CO2e évité : ${fr(km, 2)} km × (${fr(car.value, 5)} − ${fr(f.value, 5)}) = ${fr(co2eKg)} kg.`),
      line('impact.carKm', { km, carKm }, `Voiture-km évités : ${fr(carKm, 2)} km.`),
    );
  }
  const euros = carKm * money.value;
  lines.push(
    line('impact.euros', { carKm, value: money.value, unit: money.unit, source: money.source, date: money.publishedOn, euros },
      `Économie : ${fr(carKm, 2)} km × ${cite(money)} = ${fr(euros, 2)} € — un barème fiscal qui couvre carburant, entretien, assurance et dépréciation : une estimation haute.`),
  );
  return { co2eKg, carKm, euros, explanation: lines.map((l) => l.text), lines };
}
