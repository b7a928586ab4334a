/** @module Migration 0002: commute profiles, carpool trips and matches, corridors and shifts, gestures and impact factors. */
import { sql, type Kysely } from 'kysely';

// Places are H3 cells (resolution 9, ~0.1 km²) or public meeting points a person chose: never an
// address, never a trace. Times of day are minutes since midnight.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table commute_profiles (
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      home_cell text not null,
      work_cell text not null,
      meeting_points jsonb not null default '[]'::jsonb,
      weekdays smallint[] not null check (weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[] and cardinality(weekdays) > 0),
      out_start smallint not null check (out_start between 0 and 1439),
      out_end smallint not null check (out_end between 0 and 1439 and out_end >= out_start),
      back_start smallint not null check (back_start between 0 and 1439),
      back_end smallint not null check (back_end between 0 and 1439 and back_end >= back_start),
      usual_mode text not null check (usual_mode in ('car_alone', 'carpool', 'bike', 'ebike', 'walk', 'bus', 'tram', 'metro', 'ter', 'telework')),
      car_occupancy smallint not null default 1 check (car_occupancy between 1 and 9),
      distance_km double precision not null check (distance_km >= 0),
      updated_at timestamptz not null default now(),
      primary key (territory_id, user_id)
    );

    create table carpool_trips (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      role text not null check (role in ('driver', 'passenger')),
      origin_cell text not null,
      destination_cell text not null,
      origin_lat double precision not null,
      origin_lng double precision not null,
      destination_lat double precision not null,
      destination_lng double precision not null,
      origin_label text,
      destination_label text,
      trip_date date,
      weekdays smallint[] not null default '{}' check (weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
      window_start smallint not null check (window_start between 0 and 1439),
      window_end smallint not null check (window_end between 0 and 1439 and window_end >= window_start),
      seats smallint not null check (seats between 1 and 8),
      max_detour_share double precision not null check (max_detour_share > 0 and max_detour_share <= 1),
      status text not null default 'open' check (status in ('open', 'closed')),
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      check ((trip_date is null) <> (cardinality(weekdays) = 0))
    );
    create index carpool_trips_open_idx on carpool_trips (territory_id) where status = 'open';
    create index carpool_trips_user_idx on carpool_trips (user_id);

    -- Matching rules of a territory (defaults: Mobicoop's, and a 1.3 road factor) when it has no row.
    create table carpool_settings (
      territory_id bigint primary key references territories (id) on delete cascade,
      time_tolerance_min smallint not null check (time_tolerance_min between 0 and 120),
      max_detour_share double precision not null check (max_detour_share > 0 and max_detour_share <= 1),
      min_shared_share double precision not null check (min_shared_share >= 0 and min_shared_share <= 1),
      road_factor double precision not null check (road_factor between 1 and 3),
      updated_at timestamptz not null default now()
    );

    create table carpool_matches (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      driver_trip_id bigint not null references carpool_trips (id) on delete cascade,
      passenger_trip_id bigint not null references carpool_trips (id) on delete cascade,
      driver_id bigint not null references users (id),
      passenger_id bigint not null references users (id),
      trip_date date not null,
      starts_at timestamptz not null,
      seats smallint not null check (seats between 1 and 8),
      status text not null default 'proposed' check (status in ('proposed', 'accepted', 'done', 'cancelled')),
      driver_accepted_at timestamptz,
      passenger_accepted_at timestamptz,
      detour_km double precision not null,
      detour_min double precision not null,
      time_gap_min double precision not null,
      shared_community boolean not null,
      shared_km double precision not null,
      driver_km double precision not null,
      driver_confirmed_at timestamptz,
      passenger_confirmed_at timestamptz,
      fraud_flags text[] not null default '{}',
      review_status text not null default 'none' check (review_status in ('none', 'pending', 'cleared', 'rejected')),
      cancelled_by bigint,
      cancel_reason text,
      created_at timestamptz not null default now(),
      unique (driver_trip_id, passenger_trip_id, trip_date)
    );
    create index carpool_matches_driver_idx on carpool_matches (driver_id, trip_date);
    create index carpool_matches_passenger_idx on carpool_matches (passenger_id, trip_date);
    create index carpool_matches_review_idx on carpool_matches (territory_id) where review_status = 'pending';

    create table carpool_messages (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      match_id bigint not null references carpool_matches (id) on delete cascade,
      sender_id bigint references users (id) on delete set null,
      body text not null check (char_length(body) between 1 and 1000),
      created_at timestamptz not null default now()
    );
    create index carpool_messages_match_idx on carpool_messages (match_id, id);

    create table corridors (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null,
      geometry jsonb not null,
      capacity_per_hour integer not null check (capacity_per_hour > 0),
      free_flow_min double precision not null check (free_flow_min > 0),
      slot_minutes smallint not null default 15 check (slot_minutes in (5, 10, 15, 20, 30)),
      am_start smallint not null check (am_start between 0 and 1439),
      am_demand integer[] not null,
      pm_start smallint not null check (pm_start between 0 and 1439),
      pm_demand integer[] not null,
      created_at timestamptz not null default now(),
      unique (territory_id, name)
    );

    create table shift_commitments (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      corridor_id bigint not null references corridors (id) on delete cascade,
      period text not null check (period in ('am', 'pm')),
      from_slot smallint not null check (from_slot >= 0),
      to_slot smallint not null check (to_slot >= 0 and to_slot <> from_slot),
      weekdays smallint[] not null check (weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[] and cardinality(weekdays) > 0),
      created_at timestamptz not null default now(),
      ended_at timestamptz
    );
    create index shift_commitments_corridor_idx on shift_commitments (corridor_id) where ended_at is null;
    create index shift_commitments_user_idx on shift_commitments (user_id);

    -- Every gesture, with its impact computed once from the factors version it names.
    create table gestures (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint references users (id) on delete set null,
      kind text not null check (kind in ('carpool', 'shift', 'mode_switch')),
      mode text,
      occurred_on date not null,
      km double precision not null default 0 check (km >= 0),
      co2e_kg double precision not null default 0,
      car_km double precision not null default 0,
      euros double precision not null default 0,
      factors_version integer not null,
      corridor_id bigint references corridors (id) on delete set null,
      from_slot smallint,
      to_slot smallint,
      source_type text,
      source_id text,
      counted boolean not null default true,
      idempotency_key text not null,
      created_at timestamptz not null default now(),
      unique (territory_id, idempotency_key)
    );
    create index gestures_territory_day_idx on gestures (territory_id, occurred_on);
    create index gestures_user_day_idx on gestures (user_id, occurred_on);
    create index gestures_corridor_day_idx on gestures (corridor_id, occurred_on) where kind = 'shift';

    create table impact_factors (
      territory_id bigint not null references territories (id) on delete cascade,
      version integer not null check (version > 0),
      key text not null,
      value double precision not null check (value >= 0),
      unit text not null,
      source text not null,
      published_on date not null,
      created_at timestamptz not null default now(),
      primary key (territory_id, version, key)
    );
  `.execute(db);
}
