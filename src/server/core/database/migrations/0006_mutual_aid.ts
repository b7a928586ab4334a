/** @module Migration 0006: Neighbour mutual aid: requests, offers, helpers, private addresses, thanks. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled by the mutual-aid capability.
}
