/** @module Migration 0009: Mediators: assisted accounts with consent, time-boxed sessions on behalf, offline intake, takeover. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled by the mediation capability.
}
