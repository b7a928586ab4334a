/** @module Migration 0019: the observatory — things (NGSI-LD entities), readings partitioned by day with their rollups, ingest keys, rejections, indicators from authorities. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A sensor, a piece of equipment or an observed place: never a person.
    create table observatory_things (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      entity_id text not null check (char_length(entity_id) between 1 and 256),
      type text not null check (char_length(type) between 1 and 128),
      name text check (name is null or char_length(name) between 1 and 200),
      owner_service text check (owner_service is null or char_length(owner_service) between 1 and 120),
      lat double precision check (lat between -90 and 90),
      lon double precision check (lon between -180 and 180),
      commune_code text,
      -- NGSI-LD normalized attributes (short names under the core context), without id/type/location.
      attributes jsonb not null default '{}'::jsonb,
      -- The user @context the entity was created with, returned as given.
      context jsonb,
      silent_after_seconds integer not null default 3600 check (silent_after_seconds > 0),
      last_seen_at timestamptz,
      created_at timestamptz not null default now(),
      modified_at timestamptz not null default now(),
      unique (territory_id, entity_id),
      check ((lat is null) = (lon is null))
    );
    create index observatory_things_type on observatory_things (territory_id, type);
    create index observatory_things_place on observatory_things (territory_id, lat, lon);

    -- One row per thing, attribute and instant; a reading sent twice is stored once.
    create table observatory_readings (
      territory_id bigint not null,
      thing_id bigint not null,
      attribute text not null,
      observed_at timestamptz not null,
      value double precision,
      text_value text,
      unit_code text,
      source text not null check (source in ('mqtt', 'http', 'ngsi-ld', 'csv', 'simulator')),
      received_at timestamptz not null default now(),
      primary key (thing_id, attribute, observed_at),
      check ((value is null) <> (text_value is null))
    ) partition by range (observed_at);
    create table observatory_readings_default partition of observatory_readings default;
    create index observatory_readings_territory_time on observatory_readings (territory_id, observed_at);

    -- 5-minute and hourly buckets, maintained in the transaction that stores the readings.
    create table observatory_rollups (
      thing_id bigint not null references observatory_things (id) on delete cascade,
      attribute text not null,
      bucket text not null check (bucket in ('5m', '1h')),
      bucket_start timestamptz not null,
      n integer not null check (n > 0),
      sum double precision not null,
      min double precision not null,
      max double precision not null,
      last_value double precision not null,
      last_at timestamptz not null,
      primary key (thing_id, attribute, bucket, bucket_start)
    );
    create index observatory_rollups_bucket on observatory_rollups (bucket, bucket_start);

    -- How long readings of a type are kept (days); the default row (type '*') covers the others.
    create table observatory_retention (
      territory_id bigint not null references territories (id) on delete cascade,
      type text not null,
      readings_days integer not null check (readings_days between 1 and 3650),
      rollups_days integer not null check (rollups_days between 1 and 3650),
      primary key (territory_id, type)
    );

    -- Feeders' keys: a secret shown once, stored as its digest.
    create table observatory_keys (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null check (char_length(name) between 1 and 120),
      scopes text[] not null check (scopes <@ array['ingest', 'read', 'command']::text[] and cardinality(scopes) > 0),
      secret_digest text not null unique,
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    -- Rejected readings counted per thing (or per unknown device id), with the last reason and a short sample.
    create table observatory_rejections (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      device_ref text not null check (char_length(device_ref) between 1 and 256),
      source text not null check (source in ('mqtt', 'http', 'ngsi-ld', 'csv', 'simulator')),
      reason text not null,
      n integer not null default 1 check (n > 0),
      last_sample text check (last_sample is null or char_length(last_sample) <= 500),
      first_at timestamptz not null default now(),
      last_at timestamptz not null default now(),
      unique (territory_id, device_ref, source, reason)
    );

    -- Indicators published by authorities (CSV open data), with their source and licence.
    create table observatory_indicator_sources (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      title text not null check (char_length(title) between 1 and 200),
      publisher text not null check (char_length(publisher) between 1 and 200),
      licence text not null check (char_length(licence) between 1 and 200),
      url text check (url is null or char_length(url) <= 2000),
      imported_at timestamptz not null default now(),
      imported_by bigint references users (id) on delete set null,
      rows_imported integer not null default 0,
      rows_rejected integer not null default 0
    );
    create table observatory_indicator_values (
      source_id bigint not null references observatory_indicator_sources (id) on delete cascade,
      territory_id bigint not null,
      commune_code text not null,
      day date not null,
      indicator text not null check (char_length(indicator) between 1 and 64),
      value double precision not null,
      primary key (source_id, commune_code, day, indicator),
      foreign key (territory_id, commune_code) references communes (territory_id, code)
    );
    create index observatory_indicator_values_day on observatory_indicator_values (territory_id, indicator, day);
  `.execute(db);
}
