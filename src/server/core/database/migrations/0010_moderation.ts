/** @module Migration 0010: Safety: reports, automatic hiding, moderation queue, blocks; notification preferences and digests. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled by the moderation capability.
}
