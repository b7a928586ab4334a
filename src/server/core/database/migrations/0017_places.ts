/** @module Migration 0017: meeting points, the named public places of a territory (park-and-ride, stops, car parks, stations) people meet at. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Public places only: never a home. Operators create, edit and deactivate them (audited); anyone reads them.
    -- No column names a person: who changed a point is in the audit log.
    create table meeting_points (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null check (char_length(name) between 1 and 120),
      kind text not null check (kind in ('park_and_ride', 'tram_stop', 'bus_stop', 'car_park', 'station', 'other')),
      lat double precision not null check (lat between -90 and 90),
      lon double precision not null check (lon between -180 and 180),
      commune_code text not null,
      notes text check (notes is null or char_length(notes) between 1 and 500),
      active boolean not null default true,
      -- The GTFS stop_id it was imported from: a second import of the same feed updates it instead of adding a twin.
      gtfs_stop_id text check (gtfs_stop_id is null or char_length(gtfs_stop_id) between 1 and 255),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (territory_id, commune_code) references communes (territory_id, code),
      unique (territory_id, gtfs_stop_id)
    );
    create index meeting_points_territory_active on meeting_points (territory_id, active, lat);
  `.execute(db);
}
