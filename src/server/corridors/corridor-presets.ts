/** @module Four plausible congested corridors into Dijon for the demo territory: invented figures, not measurements. */
import type { Corridor } from './queue-model.ts';

// Every number below is invented to look plausible, NOT measured: capacities follow the usual rule of
// thumb (~1,800 veh/h per motorway lane, ~900–1,300 veh/h per urban lane with traffic lights), free-flow
// times follow length and speed limit, and demands are shaped so each peak holds a real queue (about
// 300 vehicle-hours a day for the four together). Seven of the eight peaks are one slot over capacity
// with room in the slot before, so leaving 15 minutes earlier can clear them; the Rocade's morning jam
// is three slots wide and cannot be cleared that way. Geometries follow the roads roughly (lng, lat),
// drawn by hand, not traced from a map. Replace all of it with counts (e.g. loop detectors) when a
// territory has them.

export type Period = 'am' | 'pm';

export interface CorridorPreset {
  slug: string;
  name: string;
  geometry: { type: 'LineString'; coordinates: [number, number][] };
  capacityPerHour: number;
  freeFlowMin: number;
  slotMinutes: number;
  /** Start of the first slot, minutes since midnight (06:30 and 16:30). */
  amStart: number;
  pmStart: number;
  /** Vehicles arriving per 15-minute slot, inbound in the morning, outbound in the evening. */
  amDemand: number[];
  pmDemand: number[];
}

const AM_START = 6 * 60 + 30;
const PM_START = 16 * 60 + 30;

export const DIJON_CORRIDORS: readonly CorridorPreset[] = [
  {
    slug: 'rocade-est',
    name: "Rocade est (RN 274), de Longvic à la Toison d'Or",
    geometry: { type: 'LineString', coordinates: [[5.062, 47.282], [5.08, 47.295], [5.088, 47.312], [5.084, 47.328], [5.074, 47.343], [5.058, 47.352]] },
    capacityPerHour: 3600, // 2 lanes × 1,800 veh/h
    freeFlowMin: 7, // ~9 km at 90 km/h, with the interchanges
    slotMinutes: 15,
    amStart: AM_START,
    pmStart: PM_START,
    // A wide jam (07:45–08:30): three slots above the 900 vehicles a slot can pass, so leaving 15 or
    // 30 minutes earlier only moves drivers into another jammed slot; the other peaks are one slot wide.
    amDemand: [540, 650, 740, 790, 860, 950, 975, 935, 860, 780, 690, 610],
    pmDemand: [700, 760, 800, 835, 810, 968, 895, 885, 860, 760, 650, 560],
  },
  {
    slug: 'a38-plombieres',
    name: 'A38, entrée ouest par Plombières-lès-Dijon',
    geometry: { type: 'LineString', coordinates: [[4.953, 47.339], [4.968, 47.335], [4.985, 47.33], [5, 47.326], [5.015, 47.322]] },
    capacityPerHour: 2600, // 2 lanes, limited by the urban end of the motorway
    freeFlowMin: 5, // ~5 km at 70–90 km/h
    slotMinutes: 15,
    amStart: AM_START,
    pmStart: PM_START,
    amDemand: [360, 440, 520, 570, 585, 712, 648, 640, 620, 540, 460, 400],
    pmDemand: [470, 520, 560, 590, 592, 705, 645, 638, 600, 500, 420, 370],
  },
  {
    slug: 'avenue-du-drapeau',
    name: 'Avenue du Drapeau, depuis Ahuy et Fontaine-lès-Dijon',
    geometry: { type: 'LineString', coordinates: [[5.024, 47.369], [5.03, 47.358], [5.035, 47.347], [5.04, 47.338], [5.042, 47.33]] },
    capacityPerHour: 900, // 1 lane with traffic lights
    freeFlowMin: 7, // ~4.5 km at 40 km/h
    slotMinutes: 15,
    amStart: AM_START,
    pmStart: PM_START,
    amDemand: [110, 140, 170, 190, 188, 248, 222, 216, 195, 168, 148, 132],
    pmDemand: [150, 170, 185, 196, 200, 242, 220, 210, 186, 162, 140, 120],
  },
  {
    slug: 'route-de-beaune',
    name: 'Route de Beaune (D974), depuis Marsannay-la-Côte et Chenôve',
    geometry: { type: 'LineString', coordinates: [[4.995, 47.268], [5.004, 47.282], [5.011, 47.294], [5.02, 47.304], [5.029, 47.313]] },
    capacityPerHour: 1500, // 2 lanes with traffic lights
    freeFlowMin: 9, // ~6 km at 50 km/h, lights included
    slotMinutes: 15,
    amStart: AM_START,
    pmStart: PM_START,
    amDemand: [220, 280, 320, 340, 335, 410, 372, 368, 360, 310, 268, 240],
    pmDemand: [290, 320, 335, 340, 340, 405, 370, 366, 340, 298, 265, 235],
  },
];

/** The queue-model view of one peak period of a preset. */
export function corridorForPeriod(preset: CorridorPreset, period: Period): Corridor {
  return {
    capacityPerHour: preset.capacityPerHour,
    freeFlowMin: preset.freeFlowMin,
    slotMinutes: preset.slotMinutes,
    demand: (period === 'am' ? preset.amDemand : preset.pmDemand).slice(),
  };
}
