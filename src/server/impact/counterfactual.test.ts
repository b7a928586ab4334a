// A mode switch measured against the trip it replaced: where the counterfactual comes from, what each one
// avoids (computed by hand from the factors in use), and the distances each mode makes plausible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { checkPlausibleTrip, INSTEAD_OF_MODES, isCar, PLAUSIBLE_MAX_KM, resolveCounterfactual } from './counterfactual.ts';
import { defaultFactorMap } from './factors.ts';
import { MODES, modeSwitchImpact, SOLO_CAR, type Mode } from './impact.ts';

const factors = defaultFactorMap();
const value = (key: Parameters<typeof factors.get>[0]) => factors.get(key)!.value;
const CAR = value('car_thermal');
const EUR = value('euros_per_car_km');

describe('resolveCounterfactual', () => {
  it('takes what the person declares first, then the usual mode of the commute profile, else nothing', () => {
    const bikeCommuter = { usualMode: 'bike' as const, carOccupancy: 1 };
    expect(resolveCounterfactual('car_alone', bikeCommuter)).toEqual({ insteadOf: 'car_alone', occupancy: 1, source: 'declared' });
    expect(resolveCounterfactual(undefined, bikeCommuter)).toEqual({ insteadOf: 'bike', occupancy: null, source: 'usual_mode' });
    expect(resolveCounterfactual(undefined, undefined)).toEqual({ insteadOf: null, occupancy: null, source: 'none' });
  });

  it('reads the people in a usual carpool from the profile, two at least, and one in a solo car', () => {
    expect(resolveCounterfactual(undefined, { usualMode: 'carpool', carOccupancy: 3 })).toMatchObject({ insteadOf: 'carpool', occupancy: 3 });
    expect(resolveCounterfactual(undefined, { usualMode: 'carpool', carOccupancy: 1 })).toMatchObject({ occupancy: 2 });
    expect(resolveCounterfactual('carpool', { usualMode: 'car_alone', carOccupancy: 1 })).toMatchObject({ occupancy: 2, source: 'declared' });
    expect(resolveCounterfactual(undefined, { usualMode: 'car_alone', carOccupancy: 4 })).toMatchObject({ occupancy: 1 });
  });
});

describe('modeSwitchImpact against the trip replaced', () => {
  it('avoids nothing against a trip that was not by car, or when nothing says what it was — participation still counts', () => {
    const bus = modeSwitchImpact('bike', 8, factors, undefined, { insteadOf: 'bus', occupancy: null });
    expect(bus).toMatchObject({ co2eKg: 0, carKm: 0, euros: 0 });
    expect(bus.lines.map((l) => l.key)).toEqual(['impact.counterfactual.notCar']);
    expect(bus.explanation[0]).toContain('bus');
    const none = modeSwitchImpact('telework', 8, factors, undefined, { insteadOf: null, occupancy: null });
    expect(none).toMatchObject({ co2eKg: 0, carKm: 0, euros: 0 });
    expect(none.lines.map((l) => l.key)).toEqual(['impact.counterfactual.none']);
  });

  it('against a solo car, is the engine’s reference case', () => {
    expect(modeSwitchImpact('tram', 7, factors, undefined, SOLO_CAR)).toEqual(modeSwitchImpact('tram', 7, factors));
    // 7 km by tram instead of alone in a car: 7 × (car − tram) kg, 7 car-km, 7 × €/km.
    const tram = modeSwitchImpact('tram', 7, factors, undefined, { insteadOf: 'car_alone', occupancy: 1 });
    expect(tram.co2eKg).toBeCloseTo(7 * (CAR - value('tram')), 12);
    expect(tram.carKm).toBe(7);
    expect(tram.euros).toBeCloseTo(7 * EUR, 12);
  });

  it('against a usual carpool of 3, counts a third of the car', () => {
    // 12 km by bike instead of a car shared by 3: 12 × (car / 3 − bike) kg; car-km 12 / 3 = 4; euros 4 × €/km.
    const bike = modeSwitchImpact('bike', 12, factors, undefined, { insteadOf: 'carpool', occupancy: 3 });
    expect(bike.co2eKg).toBeCloseTo(12 * (CAR / 3 - value('bike')), 12);
    expect(bike.carKm).toBeCloseTo(4, 12);
    expect(bike.euros).toBeCloseTo(4 * EUR, 12);
    expect(bike.lines.map((l) => l.key)).toEqual(['impact.baseline.shared', 'impact.mode', 'impact.co2', 'impact.carKm.shared', 'impact.euros']);
    // The same carpool, same number of people: nothing changes.
    const same = modeSwitchImpact('carpool', 12, factors, 3, { insteadOf: 'carpool', occupancy: 3 });
    expect(same.co2eKg).toBeCloseTo(0, 12);
    expect(same.carKm).toBeCloseTo(0, 12);
  });

  it('shows more emitted as negative, never as avoided', () => {
    // A bus emits more per passenger-km than a third of a car: 10 × (car / 3 − bus) < 0.
    const bus = modeSwitchImpact('bus', 10, factors, undefined, { insteadOf: 'carpool', occupancy: 3 });
    expect(CAR / 3).toBeLessThan(value('bus_thermal'));
    expect(bus.co2eKg).toBeCloseTo(10 * (CAR / 3 - value('bus_thermal')), 12);
    expect(bus.co2eKg).toBeLessThan(0);
    expect(bus.lines.map((l) => l.key)).toContain('impact.co2.more');
    expect(bus.explanation.join(' ')).toContain('émis en plus, pas évité');
  });

  it('for any trip: against a car, (reference − chosen) × km with its sign; against anything else, zero', () => {
    const modes = fc.constantFrom<Mode>(...MODES);
    fc.assert(
      fc.property(modes, fc.constantFrom(...INSTEAD_OF_MODES), fc.double({ min: 0, max: 300, noNaN: true }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), (mode, insteadOf, km, n, m) => {
        const occupancy = insteadOf === 'car_alone' ? 1 : insteadOf === 'carpool' ? m : null;
        const i = modeSwitchImpact(mode, km, factors, n, { insteadOf, occupancy });
        if (!isCar(insteadOf)) return i.co2eKg === 0 && i.carKm === 0 && i.euros === 0;
        const keys: Record<Mode, Parameters<typeof factors.get>[0]> = { bike: 'bike', ebike: 'ebike', walk: 'walk', bus: 'bus_thermal', tram: 'tram', metro: 'metro', ter: 'ter', telework: 'telework', carpool: 'car_thermal' };
        const chosen = mode === 'carpool' ? CAR / n : value(keys[mode]);
        const share = mode === 'carpool' ? 1 / n : 0;
        const ref = CAR / occupancy!;
        return Math.abs(i.co2eKg - km * (ref - chosen)) < 1e-9 && Math.abs(i.carKm - km * (1 / occupancy! - share)) < 1e-9 && Math.abs(i.euros - i.carKm * EUR) < 1e-9;
      }),
    );
  });

  it('refuses a reference car without a whole number of people in it', () => {
    expect(() => modeSwitchImpact('bike', 5, factors, undefined, { insteadOf: 'carpool', occupancy: 1 })).toThrow(RangeError);
    expect(() => modeSwitchImpact('bike', 5, factors, undefined, { insteadOf: 'car_alone', occupancy: 1.5 })).toThrow(RangeError);
  });
});

describe('checkPlausibleTrip', () => {
  const refusal = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return e as AppError;
    }
    return null;
  };

  it('refuses a 21 km walk, naming the field and the plausible maximum', () => {
    const error = refusal(() => checkPlausibleTrip('walk', 21, '/km'));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid', field: '/km' });
    expect(error!.detail).toContain('at most 10 km');
  });

  it('accepts each mode up to its maximum and refuses beyond it, and refuses what is not a trip', () => {
    for (const mode of MODES) {
      const max = PLAUSIBLE_MAX_KM[mode].km;
      expect(() => checkPlausibleTrip(mode, max, '/km')).not.toThrow();
      expect(refusal(() => checkPlausibleTrip(mode, max + 0.1, '/km'))).toMatchObject({ field: '/km' });
      expect(PLAUSIBLE_MAX_KM[mode].why.length).toBeGreaterThan(5);
    }
    for (const km of [0, -3, 0.05, Number.NaN, Number.POSITIVE_INFINITY]) expect(refusal(() => checkPlausibleTrip('bike', km, '/km'))).toMatchObject({ field: '/km' });
  });

  it('says when the distance came from the commute profile', () => {
    expect(refusal(() => checkPlausibleTrip('walk', 14.2, '/km', true))!.detail).toContain('commute profile');
  });
});
