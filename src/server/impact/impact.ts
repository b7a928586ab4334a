/** @module The impact of a trip made by another mode against the trip it replaced: CO2e avoided, car-km avoided, euros saved, and why. */
import { isCar, type Counterfactual, type InsteadOf } from './counterfactual.ts';
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

/** What the trip is compared with: a car (`occupancy` people in it, 1 alone) or another mode (nothing avoided). */
export type Against = Pick<Counterfactual, 'insteadOf' | 'occupancy'>;
/** The reference of the impact engine's own examples and of the trips the carpool capability measures. */
export const SOLO_CAR: Against = { insteadOf: 'car_alone', occupancy: 1 };

const INSTEAD_OF_LABEL_FR: Record<InsteadOf, string> = {
  car_alone: 'voiture seul', carpool: 'covoiturage', bike: 'vélo', ebike: 'vélo à assistance électrique', walk: 'marche', bus: 'bus', tram: 'tramway', metro: 'métro', ter: 'TER', telework: 'télétravail',
};

/** Nothing avoided: the trip replaced was not a car trip (or nobody said what it was). Participation still counts. */
function notACar(against: Against): Impact {
  const lines = against.insteadOf
    ? [line('impact.counterfactual.notCar', { insteadOf: against.insteadOf }, `Comparé à votre trajet habituel (${INSTEAD_OF_LABEL_FR[against.insteadOf]}) : aucune voiture n'est restée au garage, rien n'est compté comme évité — votre geste compte comme participation.`)]
    : [line('impact.counterfactual.none', {}, "Sans « au lieu de » ni mode habituel connu, Maille ne suppose pas un trajet en voiture : rien n'est compté comme évité — votre geste compte comme participation.")];
  return { co2eKg: 0, carKm: 0, euros: 0, explanation: lines.map((l) => l.text), lines };
}

/**
 * Impact of making `km` by `mode` instead of the trip `against` says (a solo car by default, for the engine's
 * own examples; the use-cases always pass the gesture's counterfactual). Against a car with `m` people in it,
 * the person's share of that car is 1/m; a carpool chosen with `occupants` people (default 2) keeps 1/occupants
 * of a car. CO2e avoided = km × (reference per person − chosen per person) — negative when the chosen mode emits
 * more, and shown as such; car-km and euros = km × (1/m − chosen car share). Against anything but a car: 0.
 * @example modeSwitchImpact('bike', 10, factors).co2eKg // 10 × (0.218 − 0.00017) = 2.1783
 */
export function modeSwitchImpact(mode: Mode, km: number, factors: Map<FactorKey, Factor>, occupants?: number, against: Against = SOLO_CAR): Impact {
  if (!(km >= 0) || !Number.isFinite(km)) throw new RangeError(`Distance ${km} km must be a finite number ≥ 0.`);
  const n = occupants ?? 2;
  if (mode === 'carpool' && (!Number.isInteger(n) || n < 2)) throw new RangeError(`A carpool has at least 2 occupants, not ${n}.`);
  if (!isCar(against.insteadOf)) return notACar(against);
  const m = against.occupancy ?? 1;
  if (!Number.isInteger(m) || m < 1 || (against.insteadOf === 'carpool' && m < 2)) throw new RangeError(`A reference car holds a whole number of people (2 or more in a carpool), not ${m}.`);
  const car = need(factors, 'car_thermal');
  const money = need(factors, 'euros_per_car_km');
  const reference = car.value / m;
  const lines: ExplanationLine[] = [
    m === 1
      ? line('impact.baseline', { factor: car.key, value: car.value, unit: car.unit, source: car.source, date: car.publishedOn }, `Référence : voiture thermique seule, ${cite(car)}.`)
      : line('impact.baseline.shared', { factor: car.key, value: car.value, unit: car.unit, source: car.source, date: car.publishedOn, occupancy: m, perPerson: reference },
        `Référence : covoiturage habituel à ${m}, voiture thermique ${cite(car)}, soit ${fr(reference, 4)} kgCO2e/km chacun.`),
  ];
  let chosen: number;
  let chosenCarShare = 0;
  if (mode === 'carpool') {
    chosen = car.value / n;
    chosenCarShare = 1 / n;
    lines.push(line('impact.carpool.share', { occupants: n, perPerson: chosen }, `Covoiturage à ${n} : chacun porte 1/${n} des émissions de la voiture, soit ${fr(chosen, 4)} kgCO2e/km.`));
  } else {
    const f = need(factors, MODE_FACTOR[mode]);
    chosen = f.value;
    lines.push(line('impact.mode', { mode, factor: f.key, value: f.value, unit: f.unit, source: f.source, date: f.publishedOn }, `${MODE_LABEL_FR[mode]} : ${cite(f)}.`));
  }
  const co2eKg = km * (reference - chosen);
  const carKm = km * (1 / m - chosenCarShare);
  const formula = `${fr(km, 2)} km × (${fr(reference, 5)} − ${fr(chosen, 5)})`;
  lines.push(
    co2eKg >= 0
      ? line('impact.co2', { km, avoidedPerKm: reference - chosen, co2eKg }, `CO2e évité : ${formula} = ${fr(co2eKg)} kg.`)
      : line('impact.co2.more', { km, avoidedPerKm: reference - chosen, co2eKg }, `CO2e émis en plus, pas évité : ${formula} = ${fr(co2eKg)} kg.`),
  );
  if (mode === 'carpool' && m === 1) {
    lines.push(line('impact.carKm.carpool', { km, occupants: n, carKm }, `Voiture-km retirés de la route, votre part : ${fr(km, 2)} km × ${n - 1}/${n} = ${fr(carKm, 2)} km.`));
  } else if (m === 1) {
    lines.push(line('impact.carKm', { km, carKm }, `Voiture-km évités : ${fr(carKm, 2)} km.`));
  } else {
    lines.push(line('impact.carKm.shared', { km, occupancy: m, carKm }, `Voiture-km évités, votre part : ${fr(km, 2)} km × (1/${m} − ${fr(chosenCarShare, 3)}) = ${fr(carKm, 2)} km.`));
  }
  const euros = carKm * money.value;
  lines.push(
    line('impact.euros', { carKm, value: money.value, unit: money.unit, source: money.source, date: money.publishedOn, euros },
      `Économie : ${fr(carKm, 2)} km × ${cite(money)} = ${fr(euros, 2)} € — un barème fiscal qui couvre carburant, entretien, assurance et dépréciation : une estimation haute.`),
  );
  return { co2eKg, carKm, euros, explanation: lines.map((l) => l.text), lines };
}
