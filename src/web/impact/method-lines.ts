/** @module The server's method lines and factor keys (English, stable) → the interface language; unknown ones are shown as sent. */
import type { MobilityKey } from '../i18n/mobility-fr.ts';

const METHOD_LINES: Record<string, MobilityKey> = {
  'CO2e, car-km and euros are computed once per gesture, when it is recorded, with the factors version it names.': 'method.once',
  'Mode switch: distance × (car factor − mode factor); car-km avoided = distance; euros = car-km × €/km factor.': 'method.modeSwitch',
  'Carpool: the car-km the passenger would have driven alone, less the driver’s detour, split equally between driver and passenger.': 'method.carpool',
  'Departure shift: queue delay spared to other drivers by the queue model of the corridor, shared equally among that day’s shifters.': 'method.shift',
  'Flagged carpools (fraud rules) are left out until an operator clears them.': 'method.flagged',
};

export function methodLineKey(line: string): MobilityKey | null {
  return METHOD_LINES[line] ?? null;
}

const FACTOR_KEYS = ['car_thermal', 'car_electric', 'bus_thermal', 'tram', 'metro', 'ter', 'bike', 'ebike', 'walk', 'telework', 'euros_per_car_km'] as const;

export function factorLabelKey(key: string): MobilityKey | null {
  return (FACTOR_KEYS as readonly string[]).includes(key) ? (`factor.${key}` as MobilityKey) : null;
}
