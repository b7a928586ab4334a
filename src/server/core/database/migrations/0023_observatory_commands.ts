/** @module Migration 0023: commands to equipment (who, why, what, for which things, approval, each thing's answer) and the territory role that may send them. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The command right is a role of its own: an operator does not command equipment unless given it.
    alter table territory_members drop constraint territory_members_roles_check;
    alter table territory_members add constraint territory_members_roles_check
      check (roles <@ array['resident', 'mediator', 'merchant', 'operator', 'commander', 'admin']::text[]);

    create table observatory_commands (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      -- e.g. trafficLight.greenWave; the registry in commands/model.ts says which types take it and whether it is sensitive.
      command text not null check (char_length(command) between 1 and 64),
      params jsonb not null default '{}'::jsonb,
      reason text not null check (char_length(reason) between 3 and 500),
      sensitive boolean not null,
      status text not null check (status in ('awaiting_approval', 'refused', 'approved', 'done', 'partly_failed', 'failed', 'expired')),
      requested_by bigint references users (id) on delete set null,
      requested_at timestamptz not null,
      decided_by bigint references users (id) on delete set null,
      decided_at timestamptz,
      decision_note text check (decision_note is null or char_length(decision_note) between 1 and 500),
      -- A request retried with the same key is the same command.
      idempotency_key text not null check (char_length(idempotency_key) between 8 and 128),
      timeout_seconds integer not null check (timeout_seconds between 5 and 3600),
      max_attempts integer not null check (max_attempts between 1 and 10),
      unique (territory_id, idempotency_key)
    );
    create index observatory_commands_territory on observatory_commands (territory_id, requested_at desc);

    -- One row per thing the command goes to: sent, answered, or failed after its attempts.
    create table observatory_command_targets (
      command_id bigint not null references observatory_commands (id) on delete cascade,
      thing_id bigint not null references observatory_things (id) on delete cascade,
      status text not null check (status in ('waiting', 'sent', 'acknowledged', 'rejected', 'failed', 'cancelled')),
      attempts integer not null default 0,
      last_sent_at timestamptz,
      answered_at timestamptz,
      result jsonb,
      failure text check (failure is null or char_length(failure) <= 500),
      primary key (command_id, thing_id)
    );
    create index observatory_command_targets_due on observatory_command_targets (status, last_sent_at) where status in ('waiting', 'sent');
  `.execute(db);
}
