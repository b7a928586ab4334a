/** @module Migration 0021: NGSI-LD subscriptions of the observatory (who is notified of which change, and how delivery went) and the index of things located by an area. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An NGSI-LD subscription (ETSI GS CIM 009 clause 5.2.12): the document as given, with delivery counters beside it.
    create table observatory_ngsi_subscriptions (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      subscription_id text not null check (char_length(subscription_id) between 1 and 256),
      -- The subscription without its system members (entities, watchedAttributes, q, notification, throttling …).
      body jsonb not null,
      is_active boolean not null default true,
      expires_at timestamptz,
      throttling_seconds double precision check (throttling_seconds is null or throttling_seconds >= 0),
      times_sent integer not null default 0,
      times_failed integer not null default 0,
      last_notification_at timestamptz,
      last_success_at timestamptz,
      last_failure_at timestamptz,
      last_failure_reason text check (last_failure_reason is null or char_length(last_failure_reason) <= 500),
      created_at timestamptz not null default now(),
      modified_at timestamptz not null default now(),
      unique (territory_id, subscription_id)
    );
    create index observatory_ngsi_subscriptions_active on observatory_ngsi_subscriptions (territory_id) where is_active;

    -- Things located by an area or a line (few of them): geo-queries always test them, since their centre, the point
    -- in lat/lon, may lie outside a query's box while the shape reaches into it.
    create index observatory_things_areas on observatory_things (territory_id)
      where attributes -> 'location' -> 'value' ->> 'type' in ('Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'MultiPoint');
  `.execute(db);
}
