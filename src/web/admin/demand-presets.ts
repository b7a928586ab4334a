/**
 * @module Demand profiles an admin starts a corridor from: the shapes of the four demo corridors (src/server/corridors/
 * corridor-presets.ts, invented figures, not measurements), scaled to the capacity typed. test/admin-presets.test.ts
 * holds this copy equal to the server's (the web imports no server code).
 */

export interface DemandPreset {
  slug: string;
  name: string;
  capacityPerHour: number;
  amDemand: readonly number[];
  pmDemand: readonly number[];
}

export const DEMAND_PRESETS: readonly DemandPreset[] = [
  { slug: 'rocade-est', name: 'Rocade est (RN 274), de Longvic à la Toison d\'Or', capacityPerHour: 3600, amDemand: [540, 650, 740, 790, 860, 950, 975, 935, 860, 780, 690, 610], pmDemand: [700, 760, 800, 835, 810, 968, 895, 885, 860, 760, 650, 560] },
  { slug: 'a38-plombieres', name: 'A38, entrée ouest par Plombières-lès-Dijon', capacityPerHour: 2600, amDemand: [360, 440, 520, 570, 585, 712, 648, 640, 620, 540, 460, 400], pmDemand: [470, 520, 560, 590, 592, 705, 645, 638, 600, 500, 420, 370] },
  { slug: 'avenue-du-drapeau', name: 'Avenue du Drapeau, depuis Ahuy et Fontaine-lès-Dijon', capacityPerHour: 900, amDemand: [110, 140, 170, 190, 188, 248, 222, 216, 195, 168, 148, 132], pmDemand: [150, 170, 185, 196, 200, 242, 220, 210, 186, 162, 140, 120] },
  { slug: 'route-de-beaune', name: 'Route de Beaune (D974), depuis Marsannay-la-Côte et Chenôve', capacityPerHour: 1500, amDemand: [220, 280, 320, 340, 335, 410, 372, 368, 360, 310, 268, 240], pmDemand: [290, 320, 335, 340, 340, 405, 370, 366, 340, 298, 265, 235] },
];

/** The preset's vehicles per slot for a corridor of `capacityPerHour` (same share of capacity, whole vehicles). */
export function scaleDemand(preset: DemandPreset, period: 'am' | 'pm', capacityPerHour: number): number[] {
  const ratio = capacityPerHour / preset.capacityPerHour;
  return (period === 'am' ? preset.amDemand : preset.pmDemand).map((n) => Math.round(n * ratio));
}
