/**
 * @module An organisation's response rate and median response delay, computed from its applications as JeVeuxAider
 * shows them. Pure: the use-case passes the rows of the last 12 months.
 *
 * - An application counts from the moment it could be answered (`awaitingSince`: at once, or when it left the
 *   waiting list). Places on the waiting list never answerable do not count.
 * - Answered: the organisation accepted or refused it.
 * - Not counted: applications withdrawn by the volunteer before any answer, and those still waiting for an answer
 *   for less than GRACE_DAYS (the organisation still has time).
 * - Rate = answered / counted. Delay = median of (answer − awaitingSince), in hours, over the answered ones.
 */
import type { ResponseStats } from './schemas.ts';

export const GRACE_DAYS = 7;
export const WINDOW_DAYS = 365;
const HOUR = 3_600_000;

export interface ApplicationFacts {
  awaitingSince: Date | null;
  answeredAt: Date | null;
  /** Withdrawn by the volunteer (cancelled_by = volunteer). */
  withdrawn: boolean;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type { ResponseStats };

export function responseStats(applications: readonly ApplicationFacts[], now: Date): ResponseStats {
  const graceMs = GRACE_DAYS * 24 * HOUR;
  let counted = 0;
  const delays: number[] = [];
  for (const a of applications) {
    if (a.awaitingSince === null) continue;
    if (a.answeredAt !== null) {
      counted += 1;
      delays.push(Math.max(0, a.answeredAt.getTime() - a.awaitingSince.getTime()) / HOUR);
      continue;
    }
    if (a.withdrawn) continue;
    if (now.getTime() - a.awaitingSince.getTime() < graceMs) continue;
    counted += 1;
  }
  const m = median(delays);
  return {
    counted,
    answered: delays.length,
    rate: counted === 0 ? null : delays.length / counted,
    medianHours: m === null ? null : Math.round(m * 10) / 10,
    windowDays: WINDOW_DAYS,
    graceDays: GRACE_DAYS,
  };
}
