/** @module Synthetic morning commutes over the demo territory: a gravity model on the real commune populations. */
import type { CommuneFeature } from '../../src/server/demo/load-communes.ts';
import { seededRandom, type Random } from '../../src/server/core/random.ts';
import type { IndexedTrip } from '../../src/server/carpool/matching.ts';
import { greatCircleKm, type LatLng } from '../../src/server/core/router.ts';

/**
 * Destination attraction decays as exp(-distance / 8 km): most commutes inside a French metropolis
 * are under 10 km, yet Dijon (57 % of the population) still draws from every commune.
 */
export const DECAY_KM = 8;
/** Morning peak: departures ~ Normal(7:45, 35 min), each trip a 30-minute window around its departure. */
const PEAK_MIN = 7 * 60 + 45;
const PEAK_SD_MIN = 35;
const DRIVER_SHARE = 0.3;
const ONE_OFF_SHARE = 0.3;
/** One-off trips fall on the 20 working days from Monday 3 March 2025. */
const FIRST_MONDAY = Date.UTC(2025, 2, 3);

type Ring = number[][];

interface Zone {
  code: string;
  rings: Ring[][]; // polygons, each [outer, ...holes] of [lng, lat]
  bbox: [number, number, number, number];
  centre: LatLng;
}

function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function toZone(c: CommuneFeature): Zone {
  const rings = (c.boundary.type === 'Polygon' ? [c.boundary.coordinates] : c.boundary.coordinates) as Ring[][];
  const outer = rings.flatMap((p) => p[0] ?? []);
  const lngs = outer.map((p) => p[0]!);
  const lats = outer.map((p) => p[1]!);
  const bbox: Zone['bbox'] = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
  const centre = { lng: lngs.reduce((s, v) => s + v, 0) / lngs.length, lat: lats.reduce((s, v) => s + v, 0) / lats.length };
  return { code: c.code, rings, bbox, centre };
}

/** Rejection sampling in the bounding box until the point falls inside the commune. */
function pointIn(zone: Zone, random: Random): LatLng {
  const [w, s, e, n] = zone.bbox;
  for (;;) {
    const lng = w + random.next() * (e - w);
    const lat = s + random.next() * (n - s);
    if (zone.rings.some(([outer, ...holes]) => outer !== undefined && inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h)))) return { lat, lng };
  }
}

/** Index drawn with probability ∝ weights, from their running totals. */
function draw(cumulative: number[], random: Random): number {
  const x = random.next() * cumulative[cumulative.length - 1]!;
  let [lo, hi] = [0, cumulative.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const running = (weights: number[]): number[] => weights.map(((sum) => (w: number) => (sum += w))(0));

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** A ~500 m grid cell name: the communities below are workplaces and neighbourhoods, so they cluster in space. */
const cell = (p: LatLng, km: number): string => `${Math.floor(p.lat / (km / 111))}:${Math.floor(p.lng / (km / 75))}`;

/**
 * `count` trips, deterministic for a seed. Origin commune ∝ population; destination ∝ population ×
 * exp(-d/8 km) between commune centres; points uniform inside the polygons. 30 % drivers (1–3 seats),
 * 70 % recurring (Mon–Fri, or 2–4 of those days), 30 % one-off on one of 20 working days.
 * Communities: a workplace (half the people, by 500 m cell of the destination), a neighbourhood (a
 * quarter, by 1 km cell of the origin), an association (15 %, one of 200 across the territory).
 */
export function generateTrips(communes: CommuneFeature[], count: number, seed = 42): IndexedTrip[] {
  const random = seededRandom(seed);
  const zones = communes.map(toZone);
  const origins = running(communes.map((c) => c.population));
  const destinations = zones.map((from) => running(zones.map((to, j) => communes[j]!.population * Math.exp(-greatCircleKm(from.centre, to.centre) / DECAY_KM))));
  const trips: IndexedTrip[] = [];
  let users = 0;
  for (let n = 0; n < count; n++) {
    const o = draw(origins, random);
    const d = draw(destinations[o]!, random);
    const origin = pointIn(zones[o]!, random);
    const destination = pointIn(zones[d]!, random);
    const departure = Math.round(PEAK_MIN + PEAK_SD_MIN * normal(random));
    const driver = random.next() < DRIVER_SHARE;
    const oneOff = random.next() < ONE_OFF_SHARE;
    const day = random.int(0, 19);
    const weekdays = random.next() < 0.6 ? [1, 2, 3, 4, 5] : [1, 2, 3, 4, 5].filter(() => random.next() < 0.6);
    const communityIds: string[] = [];
    if (random.next() < 0.5) communityIds.push(`work:${zones[d]!.code}:${cell(destination, 0.5)}`);
    if (random.next() < 0.25) communityIds.push(`home:${cell(origin, 1)}`);
    if (random.next() < 0.15) communityIds.push(`asso:${random.int(1, 200)}`);
    // One person in twenty posts a second trip (a different day or time): the same-user rule matters.
    const userId = users > 0 && random.next() < 0.05 ? `u${random.int(0, users - 1)}` : `u${users++}`;
    trips.push({
      id: `t${n}`,
      userId,
      role: driver ? 'driver' : 'passenger',
      origin,
      destination,
      date: oneOff ? new Date(FIRST_MONDAY + (Math.floor(day / 5) * 7 + (day % 5)) * 86_400_000).toISOString().slice(0, 10) : null,
      weekdays: oneOff ? [] : weekdays.length > 0 ? weekdays : [1],
      window: { start: departure - 15, end: departure + 15 },
      seats: driver ? random.int(1, 3) : random.next() < 0.9 ? 1 : 2,
      communityIds,
    });
  }
  return trips;
}
