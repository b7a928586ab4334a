/** @module Migration 0008: Daily check-ins for isolated people: enrolment, referents, alerts, escalation. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled by the check-ins capability.
}
