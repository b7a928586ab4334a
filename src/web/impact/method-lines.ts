/** @module The server's method lines and factor keys (English, stable) → the interface language; unknown ones are shown as sent. */
import { impactFr } from '../i18n/impact-fr.ts';
import type { MobilityKey } from '../i18n/mobility-fr.ts';

const METHOD_LINES: Record<string, MobilityKey> = {
  'CO2e, car-km and euros are computed once per gesture, when it is recorded, with the factors version it names.': 'method.once',
  'Mode switch: measured against the trip it replaced (declared on the gesture, else the commute profile’s usual mode). Against a car with n people in it: distance × (car factor ÷ n − mode factor), car-km = distance ÷ n, euros = car-km × €/km factor. Against another mode, or when nothing says: nothing avoided, the gesture counts as participation.': 'method.modeSwitch',
  'Carpool: the car-km the passenger would have driven alone, less the driver’s detour, split equally between driver and passenger.': 'method.carpool',
  'Departure shift: queue delay spared to the other drivers (the shifters’ own gain left out) by the queue model of the corridor, shared equally among that day’s shifters; a day that made others wait longer counts negative.': 'method.shift',
  'Flagged carpools (fraud rules) are left out until an operator clears them.': 'method.flagged',
};

export function methodLineKey(line: string): MobilityKey | null {
  return METHOD_LINES[line] ?? null;
}

const FACTOR_KEYS = ['car_thermal', 'car_electric', 'bus_thermal', 'tram', 'metro', 'ter', 'bike', 'ebike', 'walk', 'telework', 'euros_per_car_km'] as const;

/** A factor's unit as the factor editions write it (data/impact-factors, English, stable) → its message; unknown ones are shown as sent. */
export function factorUnitKey(unit: string): MobilityKey | null {
  const key = `factor.unit.${unit}`;
  return key in impactFr ? (key as MobilityKey) : null;
}

export function factorLabelKey(key: string): MobilityKey | null {
  return (FACTOR_KEYS as readonly string[]).includes(key) ? (`factor.${key}` as MobilityKey) : null;
}
