/** @module What one shared ride avoids: the passenger's solo drive, less the driver's detour, split in two. */
import type { Factor, FactorKey } from '../impact/index.ts';

export interface RideImpact {
  /** For the whole ride. */
  rideCarKm: number;
  rideCo2eKg: number;
  /** Each of the two people's half. */
  perPerson: { carKm: number; co2eKg: number; euros: number };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The passenger would have driven `sharedKm` alone; the driver drove `detourKm` more to pick them up.
 * Net car-km avoided = sharedKm − detourKm (never negative), valued with the thermal-car factor and
 * the €/km factor, and credited half to each: both made the ride happen.
 */
export function rideImpact(sharedKm: number, detourKm: number, factors: Map<FactorKey, Factor>): RideImpact {
  const car = factors.get('car_thermal')?.value ?? 0;
  const euros = factors.get('euros_per_car_km')?.value ?? 0;
  const carKm = Math.max(0, sharedKm - detourKm);
  return {
    rideCarKm: r3(carKm),
    rideCo2eKg: r3(carKm * car),
    perPerson: { carKm: r3(carKm / 2), co2eKg: r3((carKm * car) / 2), euros: Math.round(((carKm * euros) / 2) * 100) / 100 },
  };
}
