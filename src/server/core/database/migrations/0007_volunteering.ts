/** @module Migration 0007: Volunteering: organisations, missions, participations, reminders, attendance. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled by the volunteering capability.
}
