/** @module Migration 0010: Safety: reports, automatic hiding, moderation queue, blocks; notification preferences and digests. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Reported content is hidden (hidden_at set) after enough distinct reports, until reviewed. Tables created
    -- by other capabilities carry their own hidden_at; these two existed before moderation.
    alter table communities add column hidden_at timestamptz;
    alter table carpool_messages add column hidden_at timestamptz;

    -- A review: keep (content shown again, reports closed) or remove (content stays hidden, author told).
    create table moderation_decisions (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      subject_type text not null check (char_length(subject_type) between 1 and 40),
      subject_id bigint not null,
      decision text not null check (decision in ('keep', 'remove')),
      reason text not null check (char_length(reason) between 1 and 1000),
      decided_by bigint references users (id) on delete set null,
      -- 'operator' (territory operator or admin) or 'organiser' (of the subject's community).
      decided_as text not null check (decided_as in ('operator', 'organiser')),
      decided_at timestamptz not null
    );
    create index moderation_decisions_subject_idx on moderation_decisions (territory_id, subject_type, subject_id);

    -- One report per reporter per subject. An erased reporter's report stays, anonymous, without its comment.
    create table moderation_reports (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      subject_type text not null check (char_length(subject_type) between 1 and 40),
      subject_id bigint not null,
      -- The community the subject belongs to, when it has one: its organisers moderate it.
      community_id bigint references communities (id) on delete set null,
      reporter_id bigint references users (id) on delete set null,
      reason text not null check (reason in ('spam', 'abuse', 'unsafe', 'personal_data', 'other')),
      comment text check (comment is null or char_length(comment) between 1 and 1000),
      created_at timestamptz not null,
      decision_id bigint references moderation_decisions (id) on delete set null,
      closed_at timestamptz,
      check ((decision_id is null) or (closed_at is not null)),
      unique (subject_type, subject_id, reporter_id)
    );
    create index moderation_reports_open_idx on moderation_reports (territory_id, subject_type, subject_id) where closed_at is null;
    create index moderation_reports_community_idx on moderation_reports (community_id) where closed_at is null;
    create index moderation_reports_reporter_idx on moderation_reports (reporter_id);

    -- Blocks are between people, like accounts: global, whatever territory they were made in (territory_id
    -- says where). A block hides each from the other in carpool and mutual aid, and refuses their messages.
    create table user_blocks (
      blocker_id bigint not null references users (id) on delete cascade,
      blocked_id bigint not null references users (id) on delete cascade,
      territory_id bigint references territories (id) on delete set null,
      created_at timestamptz not null,
      primary key (blocker_id, blocked_id),
      check (blocker_id <> blocked_id)
    );
    create index user_blocks_blocked_idx on user_blocks (blocked_id);

    -- E-mail per person: every notification at once (default), a daily or weekly digest, or none.
    create table notification_preferences (
      user_id bigint primary key references users (id) on delete cascade,
      email text not null check (email in ('immediately', 'daily', 'weekly', 'never')),
      updated_at timestamptz not null
    );

    -- A notification held for a digest keeps its mail subject (in the person's language) until it is sent.
    alter table notifications
      add column digest_subject text check (digest_subject is null or char_length(digest_subject) <= 300),
      add column digested_at timestamptz;
    create index notifications_digest_idx on notifications (user_id, id) where digest_subject is not null and digested_at is null;

    -- One digest per person per period (daily: the Paris date; weekly: the Monday): the job is idempotent.
    create table notification_digests (
      id bigint generated always as identity primary key,
      user_id bigint not null references users (id) on delete cascade,
      cadence text not null check (cadence in ('daily', 'weekly')),
      period text not null check (period ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      notifications integer not null check (notifications > 0),
      sent_at timestamptz not null,
      unique (user_id, cadence, period)
    );
  `.execute(db);
}
