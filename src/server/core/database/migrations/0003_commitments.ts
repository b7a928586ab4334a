/** @module Migration 0003: conditional commitments and their signatures. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table commitments (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      created_by bigint references users (id) on delete set null,
      wording text not null check (char_length(wording) between 1 and 500),
      action text not null check (action in ('carpool', 'shift', 'mode_switch', 'help', 'free_text')),
      -- The scope as the pure model reads it (kind, targets); the ids below keep it honest in SQL.
      scope jsonb not null,
      community_id bigint references communities (id) on delete cascade,
      corridor_id bigint references corridors (id) on delete cascade,
      created_at timestamptz not null,
      signing_deadline timestamptz not null,
      action_start timestamptz not null,
      action_end timestamptz not null,
      fired text[] not null default '{}',
      check (signing_deadline > created_at and action_start >= signing_deadline and action_end > action_start)
    );
    create index commitments_territory_idx on commitments (territory_id, signing_deadline);

    create table commitment_signatures (
      territory_id bigint not null references territories (id) on delete cascade,
      commitment_id bigint not null references commitments (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      commune_code text,
      public_name boolean not null default false,
      signed_at timestamptz not null,
      primary key (commitment_id, user_id)
    );
    create index commitment_signatures_user_idx on commitment_signatures (user_id);
  `.execute(db);
}
