/** @module Migration 0022: the observatory's alert rules and alerts (open → acknowledged → resolved, with who and when), and the thresholds that colour zones. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A rule watches every thing of a type, or one thing.
    create table observatory_alert_rules (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null check (char_length(name) between 1 and 120),
      thing_type text check (thing_type is null or char_length(thing_type) between 1 and 128),
      thing_id bigint references observatory_things (id) on delete cascade,
      -- The rule itself (kind, attribute, comparison, figures), checked by the use-case against its schema.
      rule jsonb not null,
      severity text not null default 'warning' check (severity in ('info', 'warning', 'critical')),
      active boolean not null default true,
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((thing_type is null) <> (thing_id is null))
    );
    create index observatory_alert_rules_territory on observatory_alert_rules (territory_id, active);

    create table observatory_alerts (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      rule_id bigint not null references observatory_alert_rules (id) on delete cascade,
      thing_id bigint not null references observatory_things (id) on delete cascade,
      status text not null check (status in ('open', 'acknowledged', 'resolved')),
      -- When the condition started to hold, and the figures that made it fire (last evaluation while not resolved).
      since timestamptz,
      observed double precision,
      expected double precision,
      opened_at timestamptz not null,
      acknowledged_by bigint references users (id) on delete set null,
      acknowledged_at timestamptz,
      -- Null with resolved_at set: the condition cleared by itself.
      resolved_by bigint references users (id) on delete set null,
      resolved_at timestamptz,
      note text check (note is null or char_length(note) between 1 and 500),
      check ((status = 'resolved') = (resolved_at is not null))
    );
    -- At most one alert not yet resolved per rule and thing.
    create unique index observatory_alerts_one_live on observatory_alerts (rule_id, thing_id) where status <> 'resolved';
    create index observatory_alerts_territory_status on observatory_alerts (territory_id, status, opened_at);

    -- How zones are coloured: an indicator's thresholds (orange, red), set by an admin.
    create table observatory_zone_settings (
      territory_id bigint primary key references territories (id) on delete cascade,
      indicator text not null check (char_length(indicator) between 1 and 64),
      -- incidence7d: the indicator is daily new cases, read as cases per 100,000 over 7 days; latest: its latest value as published.
      mode text not null default 'incidence7d' check (mode in ('incidence7d', 'latest')),
      orange double precision not null check (orange >= 0),
      red double precision not null,
      updated_by bigint references users (id) on delete set null,
      updated_at timestamptz not null default now(),
      check (red >= orange)
    );
  `.execute(db);
}
