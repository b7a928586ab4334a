/** @module Migration 0012: signatures collected offline wait for the person's confirmation before they count. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A signature an organiser or the territory's staff typed in from paper. It counts nowhere (threshold,
    -- milestones, signers) until the person confirms it, which writes the commitment_signatures row; an entry made
    -- inside a mediator's session for an assisted person with active consent is confirmed at once. The person may
    -- withdraw it until the signing deadline.
    create table commitment_offline_entries (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      commitment_id bigint not null references commitments (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      commune_code text,
      reference text not null check (char_length(reference) between 1 and 100),
      entered_by bigint references users (id) on delete set null,
      entered_at timestamptz not null,
      state text not null default 'pending' check (state in ('pending', 'confirmed', 'withdrawn')),
      -- How it was confirmed: by the person, or inside a mediator's session for them.
      confirmed_by text check (confirmed_by in ('person', 'mediator_session')),
      decided_at timestamptz,
      constraint commitment_offline_entries_decided_check check ((state = 'pending') = (decided_at is null)),
      constraint commitment_offline_entries_confirmed_check check (state <> 'confirmed' or confirmed_by is not null),
      constraint commitment_offline_entries_pending_check check (state <> 'pending' or confirmed_by is null)
    );
    -- One live entry per person and commitment; withdrawn ones stay as the record of what happened.
    create unique index commitment_offline_entries_live_idx on commitment_offline_entries (commitment_id, user_id) where state <> 'withdrawn';
    create index commitment_offline_entries_user_idx on commitment_offline_entries (user_id, state);
  `.execute(db);
}
