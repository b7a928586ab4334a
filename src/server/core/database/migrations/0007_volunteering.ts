/** @module Migration 0007: Volunteering: organisations, missions, participations, reminders, attendance. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Associations and public services that recruit volunteers; a resident applies, an operator validates.
    create table organisations (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null check (char_length(name) between 2 and 120),
      kind text not null check (kind in ('association', 'public_service')),
      description text not null check (char_length(description) between 10 and 2000),
      contact_email text check (contact_email is null or char_length(contact_email) <= 200),
      contact_phone text check (contact_phone is null or char_length(contact_phone) <= 30),
      commune_code text,
      status text not null default 'pending' check (status in ('pending', 'validated', 'refused')),
      applied_by bigint references users (id) on delete set null,
      applied_at timestamptz not null,
      decided_by bigint references users (id) on delete set null,
      decided_at timestamptz,
      refusal_reason text check (refusal_reason is null or char_length(refusal_reason) between 1 and 500),
      -- Moderation may hide reported content; hidden rows leave every public list.
      hidden_at timestamptz,
      check (status <> 'refused' or refusal_reason is not null),
      check (status = 'pending' or decided_at is not null)
    );
    -- One live organisation per name in a territory (a refused one may apply again).
    create unique index organisations_name_idx on organisations (territory_id, lower(name)) where status <> 'refused';
    create index organisations_status_idx on organisations (territory_id, status);

    create table organisation_members (
      territory_id bigint not null references territories (id) on delete cascade,
      organisation_id bigint not null references organisations (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      role text not null default 'manager' check (role in ('manager')),
      added_at timestamptz not null default now(),
      primary key (organisation_id, user_id)
    );
    create index organisation_members_user_idx on organisation_members (user_id);

    create table missions (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      organisation_id bigint not null references organisations (id) on delete cascade,
      title text not null check (char_length(title) between 3 and 140),
      description text not null check (char_length(description) between 10 and 4000),
      schedule text not null check (schedule in ('once', 'weekly')),
      -- One-off: the instants. Weekly: the period (first and optional last day) and the time of day each weekday.
      starts_at timestamptz,
      ends_at timestamptz,
      weekdays smallint[] check (weekdays is null or (cardinality(weekdays) between 1 and 7 and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[])),
      start_minute integer check (start_minute is null or start_minute between 0 and 1439),
      end_minute integer check (end_minute is null or end_minute between 1 and 1440),
      first_day date,
      last_day date,
      online boolean not null,
      -- On site: the commune and an approximate area (H3 cell, resolution 8, and its centre); the address lives in mission_addresses.
      commune_code text,
      cell text,
      approx_lat double precision,
      approx_lng double precision,
      volunteers_needed integer not null check (volunteers_needed between 1 and 500),
      skills text[] not null default '{}',
      publics text[] not null default '{}',
      status text not null default 'draft' check (status in ('draft', 'awaiting_validation', 'published', 'completed', 'cancelled')),
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null,
      submitted_at timestamptz,
      published_at timestamptz,
      decided_by bigint references users (id) on delete set null,
      returned_reason text check (returned_reason is null or char_length(returned_reason) between 1 and 500),
      completed_at timestamptz,
      cancelled_at timestamptz,
      cancel_reason text check (cancel_reason is null or char_length(cancel_reason) between 1 and 500),
      hidden_at timestamptz,
      check (schedule <> 'once' or (starts_at is not null and ends_at is not null and ends_at > starts_at)),
      check (schedule <> 'weekly' or (weekdays is not null and start_minute is not null and end_minute > start_minute and first_day is not null and (last_day is null or last_day >= first_day))),
      check (online or (commune_code is not null and cell is not null and approx_lat is not null and approx_lng is not null)),
      check (status <> 'cancelled' or (cancelled_at is not null and cancel_reason is not null))
    );
    create index missions_territory_idx on missions (territory_id, status);
    create index missions_organisation_idx on missions (organisation_id, status);

    -- The exact address, kept apart: sent to the organisation's managers and accepted volunteers only.
    create table mission_addresses (
      mission_id bigint primary key references missions (id) on delete cascade,
      territory_id bigint not null references territories (id) on delete cascade,
      address text not null check (char_length(address) between 3 and 300)
    );

    create table participations (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      mission_id bigint not null references missions (id) on delete cascade,
      -- Null once the volunteer erased their account: the row stays for the organisation's response figures.
      user_id bigint references users (id) on delete set null,
      message text check (message is null or char_length(message) <= 1000),
      status text not null check (status in ('applied', 'waiting', 'accepted', 'refused', 'cancelled')),
      applied_at timestamptz not null,
      -- When the application could be answered: at once, or when promoted from the waiting list.
      awaiting_since timestamptz,
      -- The organisation's answer (accept or refuse); feeds the response rate and delay.
      answered_at timestamptz,
      refusal_reason text check (refusal_reason is null or char_length(refusal_reason) between 1 and 500),
      cancelled_at timestamptz,
      cancelled_by text check (cancelled_by is null or cancelled_by in ('volunteer', 'organisation', 'mission_closed')),
      promoted_at timestamptz,
      reminded_at timestamptz,
      attendance text check (attendance is null or attendance in ('present', 'absent')),
      attendance_at timestamptz,
      check (status <> 'refused' or (refusal_reason is not null and answered_at is not null)),
      check (status <> 'accepted' or answered_at is not null),
      check (status <> 'cancelled' or (cancelled_at is not null and cancelled_by is not null))
    );
    -- One live application per person and mission; cancelled and refused ones stay as history.
    create unique index participations_live_idx on participations (mission_id, user_id) where status in ('applied', 'waiting', 'accepted');
    create index participations_mission_idx on participations (mission_id, status, applied_at);
    create index participations_user_idx on participations (user_id);
  `.execute(db);
}
