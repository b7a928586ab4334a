/**
 * @module Migration 0008: daily check-ins for isolated people — enrolments with their schedule, referents who
 * accepted (consent), one check-in per local day, alerts for missed days with acknowledgements and escalation.
 * No column holds health data: the only free text is a short acknowledgement note, documented as not for health details.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table check_in_enrolments (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      -- The daily deadline, local time of the territory (Europe/Paris), in minutes after midnight.
      deadline_minutes integer not null check (deadline_minutes between 0 and 1439),
      -- ISO weekdays that count: 1 Monday … 7 Sunday.
      weekdays smallint[] not null check (cardinality(weekdays) between 1 and 7 and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
      escalation_minutes integer not null check (escalation_minutes between 30 and 240),
      -- Days whose deadline falls after this instant count: set when the first referent accepts, on resume and on a schedule change.
      counts_from timestamptz,
      -- Paused (holidays) since paused_from, until paused_until (a local date, inclusive) or until resumed.
      paused_from timestamptz,
      paused_until date,
      -- A mediator who enrolled the resident, with the reference of the consent they recorded; both null when self-enrolled.
      enrolled_by bigint references users (id) on delete set null,
      consent_ref text check (consent_ref is null or char_length(consent_ref) between 1 and 100),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (territory_id, user_id),
      check (paused_until is null or paused_from is not null)
    );
    create index check_in_enrolments_user_idx on check_in_enrolments (user_id);

    create table check_in_referents (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      enrolment_id bigint not null references check_in_enrolments (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      -- A referent is active only once they accepted (their consent); declined invitations are kept so they are not repeated silently.
      status text not null default 'invited' check (status in ('invited', 'active', 'declined')),
      invited_at timestamptz not null,
      answered_at timestamptz,
      unique (enrolment_id, user_id),
      check ((status = 'invited') = (answered_at is null))
    );
    create index check_in_referents_user_idx on check_in_referents (user_id, status);

    create table check_ins (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      enrolment_id bigint not null references check_in_enrolments (id) on delete cascade,
      local_date date not null,
      at timestamptz not null,
      channel text not null check (channel in ('button', 'phone')),
      -- The mediator who recorded a phone call, or who pressed the button in a mediation session; null when the resident did.
      recorded_by bigint references users (id) on delete set null,
      unique (enrolment_id, local_date)
    );

    create table check_in_alerts (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      enrolment_id bigint not null references check_in_enrolments (id) on delete cascade,
      local_date date not null,
      deadline_at timestamptz not null,
      raised_at timestamptz not null,
      -- Escalated to the people on duty at this instant unless a referent acknowledged before.
      escalate_at timestamptz not null check (escalate_at > raised_at),
      acknowledged_at timestamptz,
      escalated_at timestamptz,
      resolved_at timestamptz,
      resolution text check (resolution in ('checked_in', 'all_well')),
      unique (enrolment_id, local_date),
      check ((resolved_at is null) = (resolution is null))
    );
    create index check_in_alerts_open_idx on check_in_alerts (escalate_at) where resolved_at is null and acknowledged_at is null and escalated_at is null;
    create index check_in_alerts_duty_idx on check_in_alerts (territory_id, escalated_at) where escalated_at is not null;

    create table check_in_acknowledgements (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      alert_id bigint not null references check_in_alerts (id) on delete cascade,
      user_id bigint references users (id) on delete set null,
      -- A referent, or someone on duty once the alert escalated.
      role text not null check (role in ('referent', 'duty')),
      action text not null check (action in ('on_my_way', 'all_well')),
      -- Practical only ("I rang, she is at her daughter's"), never health details; 200 characters at most.
      note text check (note is null or char_length(note) between 1 and 200),
      at timestamptz not null
    );
    create index check_in_acknowledgements_alert_idx on check_in_acknowledgements (alert_id, id);
  `.execute(db);
}
