/**
 * @module French messages of the mobility pages — the reference: its keys define every mobility message. Two parts
 * and the commitments' words: trips (commute, carpool) and the gestures' value (corridors, switches, impact).
 */
// Loaded with the mobility pages only (see core/use-mobility-i18n.ts), so the first page does not carry them.
import { engagementsFr } from './engagements-fr.ts';
import { impactFr } from './impact-fr.ts';
import { tripsFr } from './trips-fr.ts';

export const mobilityFr = {
  ...tripsFr,
  ...impactFr,
  ...engagementsFr,
} satisfies Record<string, string>;

export type MobilityKey = keyof typeof mobilityFr;
