/**
 * @module Invented sensors for the demo territory and their readings along plausible daily profiles (traffic peaks at
 * 8:00 and 17:30, pollution following traffic, ozone in the afternoon, street lights at night). Pure: the demo seed,
 * `maille simulate sensors` and the ingest bench all draw from here. Everything here is invented and labelled so.
 */
import type { Random } from '../core/random.ts';
import type { ReadingInput } from './validate-reading.ts';

export interface SimulatedThing {
  localId: string;
  type: 'TrafficFlowObserved' | 'AirQualityObserved' | 'ParkingSpot' | 'Streetlight' | 'TrafficLight' | 'Building' | 'CrowdFlowObserved';
  name: string;
  ownerService: string;
  lat: number;
  lon: number;
}

const CENTRE = { lat: 47.322, lon: 5.041 };
// Points along the four demo corridors into Dijon (corridors/corridor-presets.ts), as [lon, lat].
const CORRIDOR_POINTS: Array<[string, [number, number][]]> = [
  ['Rocade est', [[5.08, 47.295], [5.088, 47.312], [5.074, 47.343]]],
  ['A38 Plombières', [[4.968, 47.335], [4.985, 47.33], [5.0, 47.326]]],
  ['Avenue du Drapeau', [[5.03, 47.358], [5.035, 47.347], [5.04, 47.338]]],
  ['Route de Beaune', [[5.004, 47.282], [5.011, 47.294], [5.02, 47.304]]],
];

/** About sixty invented things of Dijon Métropole, always the same. */
export function demoThings(random: Random): SimulatedThing[] {
  const near = (spread: number) => ({ lat: +(CENTRE.lat + (random.next() - 0.5) * spread).toFixed(5), lon: +(CENTRE.lon + (random.next() - 0.5) * spread * 1.4).toFixed(5) });
  const things: SimulatedThing[] = [];
  CORRIDOR_POINTS.forEach(([corridor, points], c) =>
    points.forEach(([lon, lat], i) => things.push({ localId: `comptage-${c + 1}-${i + 1}`, type: 'TrafficFlowObserved', name: `Comptage ${corridor} ${i + 1}`, ownerService: 'Direction de la voirie', lat, lon })),
  );
  for (let i = 1; i <= 6; i++) things.push({ localId: `air-${i}`, type: 'AirQualityObserved', name: `Station air ${i}`, ownerService: 'Environnement', ...near(0.06) });
  for (let i = 1; i <= 16; i++) things.push({ localId: `place-${i}`, type: 'ParkingSpot', name: `Place de stationnement ${i}`, ownerService: 'Stationnement', ...near(0.02) });
  for (let i = 1; i <= 10; i++) things.push({ localId: `lampadaire-${i}`, type: 'Streetlight', name: `Lampadaire ${i}`, ownerService: 'Éclairage public', ...near(0.03) });
  for (let i = 1; i <= 6; i++) things.push({ localId: `feu-${i}`, type: 'TrafficLight', name: `Carrefour à feux ${i}`, ownerService: 'Direction de la voirie', ...near(0.03) });
  for (let i = 1; i <= 4; i++) things.push({ localId: `batiment-${i}`, type: 'Building', name: `Bâtiment public ${i}`, ownerService: 'Patrimoine', ...near(0.03) });
  for (let i = 1; i <= 6; i++) things.push({ localId: `affluence-${i}`, type: 'CrowdFlowObserved', name: `Compteur d’affluence ${i}`, ownerService: 'Espaces publics', ...near(0.02) });
  return things;
}

/** Hour of day in Paris, approximately (UTC+1; the profile does not need the summer hour). */
function hourOf(at: Date): number {
  return (((at.getUTCHours() + at.getUTCMinutes() / 60 + 1) % 24) + 24) % 24;
}

const bump = (h: number, centre: number, width: number) => Math.exp(-((h - centre) ** 2) / (2 * width * width));

/** Vehicles per hour on a counter at this hour: morning and evening peaks over a night floor. */
export function trafficAt(at: Date, scale = 1): number {
  const h = hourOf(at);
  const weekend = [0, 6].includes(at.getUTCDay()) ? 0.6 : 1;
  return scale * weekend * (80 + 1300 * bump(h, 8, 1.1) + 1100 * bump(h, 17.5, 1.5) + 500 * bump(h, 13, 3));
}

/** The readings of one thing at one instant. */
export function readingsAt(thing: SimulatedThing, at: Date, random: Random): ReadingInput[] {
  const observedAt = at.toISOString();
  const h = hourOf(at);
  const noise = (amplitude: number) => (random.next() - 0.5) * 2 * amplitude;
  const r = (attribute: string, value: number | string, unitCode?: string): ReadingInput => ({ entityId: thing.localId, attribute, observedAt, value, ...(unitCode ? { unitCode } : {}) });
  switch (thing.type) {
    case 'TrafficFlowObserved': {
      const intensity = Math.max(0, Math.round(trafficAt(at) * (1 + noise(0.08))));
      const occupancy = Math.min(0.95, intensity / 1800);
      const speed = Math.max(8, 70 * (1 - occupancy ** 2) + noise(4));
      return [r('intensity', intensity, 'E50'), r('occupancy', +occupancy.toFixed(3), 'C62'), r('averageVehicleSpeed', +speed.toFixed(1), 'KMH')];
    }
    case 'AirQualityObserved': {
      const traffic = trafficAt(at) / 1400;
      const no2 = 12 + 38 * traffic + noise(3);
      const pm10 = 14 + 12 * traffic + noise(2);
      const o3 = 25 + 45 * bump(h, 15, 2.5) + noise(4);
      return [r('no2', +no2.toFixed(1), 'GQ'), r('pm10', +pm10.toFixed(1), 'GQ'), r('pm25', +(pm10 * 0.6).toFixed(1), 'GQ'), r('o3', +Math.max(0, o3).toFixed(1), 'GQ')];
    }
    case 'ParkingSpot': {
      const busy = 0.15 + 0.75 * Math.max(bump(h, 10, 2.5), bump(h, 16, 2.5));
      return [r('status', random.next() < busy ? 'occupied' : 'free')];
    }
    case 'Streetlight': {
      const night = h < 7.5 || h >= 17.5;
      return [r('powerState', night ? 'on' : 'off'), r('dimmingLevel', night ? (h >= 23 || h < 5 ? 0.5 : 1) : 0, 'C62')];
    }
    case 'TrafficLight':
      return [r('status', h >= 1 && h < 5 ? 'flashing' : 'working')];
    case 'Building': {
      const open = h >= 8 && h < 19 && ![0, 6].includes(at.getUTCDay());
      return [r('occupancy', open ? 'occupied' : 'empty')];
    }
    case 'CrowdFlowObserved':
      return [r('peopleCount', Math.max(0, Math.round(20 + 300 * bump(h, 12.5, 2) + 350 * bump(h, 18, 1.5) + noise(15))), 'C62')];
  }
}
