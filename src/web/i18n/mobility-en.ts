/** @module English messages of the mobility pages, typed against the French keys. */
import { engagementsEn } from './engagements-en.ts';
import { impactEn } from './impact-en.ts';
import type { MobilityKey } from './mobility-fr.ts';
import { tripsEn } from './trips-en.ts';

export const mobilityEn: Record<MobilityKey, string> = {
  ...tripsEn,
  ...impactEn,
  ...engagementsEn,
};
