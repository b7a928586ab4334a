/** @module Migration 0009: Mediators: assisted accounts with consent, time-boxed sessions on behalf, offline intake, takeover. */
import { sql, type Kysely } from 'kysely';

// An assisted account is an ordinary `users` row without e-mail or password, plus the consent record below.
// Sessions and takeover codes are per territory (territory_id on every table, for sharding by territory).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table assisted_accounts (
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      -- The mediator who created the account and recorded the consent (kept as an id once erased).
      created_by bigint references users (id) on delete set null,
      consent_ref text not null check (char_length(btrim(consent_ref)) between 1 and 100),
      consent_at timestamptz not null,
      created_at timestamptz not null default now(),
      consent_withdrawn_at timestamptz,
      withdrawn_by bigint references users (id) on delete set null,
      taken_over_at timestamptz,
      primary key (territory_id, user_id),
      check (consent_at <= created_at)
    );
    create index assisted_accounts_user_idx on assisted_accounts (user_id);
    -- Each paper consent form has its own reference: a retried creation finds the account it made.
    create unique index assisted_accounts_consent_ref_key on assisted_accounts (territory_id, lower(consent_ref));

    create table mediation_sessions (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      mediator_id bigint not null references users (id) on delete cascade,
      resident_id bigint not null references users (id) on delete cascade,
      reason text not null check (char_length(btrim(reason)) between 5 and 500),
      started_at timestamptz not null,
      expires_at timestamptz not null,
      ended_at timestamptz,
      check (mediator_id <> resident_id),
      check (expires_at > started_at),
      check (ended_at is null or ended_at >= started_at)
    );
    create index mediation_sessions_mediator_open_idx on mediation_sessions (mediator_id) where ended_at is null;
    create index mediation_sessions_resident_idx on mediation_sessions (resident_id);
    create index mediation_sessions_territory_idx on mediation_sessions (territory_id, started_at desc);

    -- One-time codes printed for an assisted resident to take over their account; only the digest is stored.
    create table mediation_takeover_codes (
      id text primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      check (expires_at > created_at),
      foreign key (territory_id, user_id) references assisted_accounts (territory_id, user_id) on delete cascade
    );
    create index mediation_takeover_codes_user_idx on mediation_takeover_codes (user_id);
  `.execute(db);
}
