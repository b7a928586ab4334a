/** @module Migration 0018: a ride remembers when both people were asked to confirm it had happened, so they are asked once. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table carpool_matches add column confirm_reminded_at timestamptz;
    -- The reminder job's look-up: accepted rides not yet reminded, by start.
    create index carpool_matches_remind_idx on carpool_matches (starts_at) where confirm_reminded_at is null and status in ('accepted', 'done');
  `.execute(db);
}
