// The straight-line router: haversine × 1.3 at 30 km/h, and the bound the trip index relies on.
import { describe, expect, it } from 'vitest';
import { crowFliesRouter, EARTH_RADIUS_KM, greatCircleKm, ROAD_FACTOR } from './router.ts';

const dijon = { lat: 47.3215, lng: 5.0415 };

describe('greatCircleKm', () => {
  it('is 0 from a point to itself and symmetric', () => {
    const beaune = { lat: 47.0245, lng: 4.8399 };
    expect(greatCircleKm(dijon, dijon)).toBe(0);
    expect(greatCircleKm(dijon, beaune)).toBe(greatCircleKm(beaune, dijon));
  });

  it('measures one degree of meridian as πR/180', () => {
    expect(greatCircleKm({ lat: 47, lng: 5 }, { lat: 48, lng: 5 })).toBeCloseTo((Math.PI * EARTH_RADIUS_KM) / 180, 9);
  });

  it('puts Dijon–Beaune at about 36 km as the crow flies', () => {
    expect(greatCircleKm(dijon, { lat: 47.0245, lng: 4.8399 })).toBeCloseTo(36.4, 0);
  });
});

describe('crowFliesRouter', () => {
  it('multiplies by the road factor and drives at 30 km/h', () => {
    const to = { lat: 47.3215, lng: 5.1 };
    const leg = crowFliesRouter().leg(dijon, to);
    expect(leg.km).toBe(ROAD_FACTOR * greatCircleKm(dijon, to));
    expect(leg.minutes).toBeCloseTo(leg.km * 2, 12);
  });

  it('takes other factors and speeds, and says which factor it applies', () => {
    const router = crowFliesRouter({ roadFactor: 1.5, kmPerHour: 60 });
    const leg = router.leg({ lat: 47, lng: 5 }, { lat: 48, lng: 5 });
    expect(router.roadFactor).toBe(1.5);
    expect(leg.km).toBeCloseTo(1.5 * 111.195, 2);
    expect(leg.minutes).toBeCloseTo(leg.km, 12);
  });
});
