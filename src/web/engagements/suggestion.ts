/** @module Pure helpers of the launch form: the queue model's suggested share for a corridor, (dates: deadline.ts). */
import type { CorridorView } from '../corridors/types.ts';

/** The queue model's suggestion for a corridor's morning peak: the share of drivers to move, and how many drivers that share is of. */
export function suggestedShare(corridor: CorridorView): { share: number; base: number; minutesEarlier: number } | null {
  const needed = corridor.periods.find((p) => p.period === 'am')?.shareNeeded;
  if (!needed || needed.share <= 0) return null;
  const slots = corridor.periods.find((p) => p.period === 'am')?.slots ?? [];
  const demand = (needed.fromSlots ?? []).reduce((sum, i) => sum + (slots[i]?.demand ?? 0), 0);
  const base = demand > 0 ? Math.round(demand) : Math.round((needed.drivers ?? 0) / needed.share);
  return base > 0 ? { share: needed.share, base, minutesEarlier: needed.minutesEarlier } : null;
}
