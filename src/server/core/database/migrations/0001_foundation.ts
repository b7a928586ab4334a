/** @module Migration 0001: territories, communes, accounts, sessions, communities, audit log, mail outbox. */
import { sql, type Kysely } from 'kysely';

// Identity tables (users, sessions, reset tokens, sign-in failures, mail outbox) are global: a person
// may live in one territory and belong to another's communities. Every territory-scoped table carries
// territory_id so a distributed PostgreSQL can shard by territory.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table territories (
      id bigint generated always as identity primary key,
      slug text not null unique check (slug ~ '^[a-z0-9-]{2,60}$'),
      name text not null,
      boundary jsonb not null,
      created_at timestamptz not null default now()
    );

    create table communes (
      territory_id bigint not null references territories (id) on delete cascade,
      code text not null,
      name text not null,
      population integer not null check (population >= 0),
      boundary jsonb not null,
      primary key (territory_id, code)
    );

    create table users (
      id bigint generated always as identity primary key,
      email text,
      password_hash text,
      display_name text,
      locale text not null default 'fr' check (locale in ('fr', 'en')),
      synthetic boolean not null default false,
      created_at timestamptz not null default now(),
      deleted_at timestamptz
    );
    create unique index users_email_key on users (lower(email)) where email is not null;

    create table territory_members (
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      roles text[] not null default '{resident}'
        check (roles <@ array['resident', 'mediator', 'merchant', 'operator', 'admin']::text[]),
      commune_code text,
      joined_at timestamptz not null default now(),
      primary key (territory_id, user_id),
      foreign key (territory_id, commune_code) references communes (territory_id, code)
    );
    create index territory_members_user_idx on territory_members (user_id);

    create table sessions (
      id text primary key,
      user_id bigint not null references users (id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);

    create table password_reset_tokens (
      id text primary key,
      user_id bigint not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index password_reset_tokens_user_idx on password_reset_tokens (user_id);

    create table sign_in_failures (
      key text not null,
      at timestamptz not null
    );
    create index sign_in_failures_key_at_idx on sign_in_failures (key, at);

    create table mail_outbox (
      id bigint generated always as identity primary key,
      user_id bigint references users (id) on delete cascade,
      to_address text not null,
      subject text not null,
      body_text text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );

    create table communities (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null,
      description text not null default '',
      kind text not null check (kind in ('neighbourhood', 'workplace', 'school', 'association', 'other')),
      visibility text not null check (visibility in ('public', 'private')),
      join_policy text not null check (join_policy in ('open', 'invite', 'email_domain', 'approval')),
      email_domain text,
      invite_code text not null unique,
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      check ((join_policy = 'email_domain') = (email_domain is not null))
    );
    create index communities_territory_idx on communities (territory_id, lower(name));

    create table community_members (
      territory_id bigint not null references territories (id) on delete cascade,
      community_id bigint not null references communities (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      role text not null check (role in ('member', 'organiser')),
      status text not null check (status in ('active', 'pending')),
      joined_at timestamptz not null default now(),
      primary key (community_id, user_id)
    );
    create index community_members_user_idx on community_members (user_id);
    create index community_members_active_idx on community_members (community_id) where status = 'active';

    -- No foreign key to users: the log outlives erased accounts, which keep only their numeric id.
    create table audit_log (
      id bigint generated always as identity primary key,
      territory_id bigint references territories (id) on delete cascade,
      at timestamptz not null default now(),
      actor_id bigint,
      on_behalf_of_id bigint,
      action text not null,
      subject_type text,
      subject_id text,
      reason text,
      details jsonb not null default '{}'::jsonb,
      request_id text
    );
    create index audit_log_territory_at_idx on audit_log (territory_id, at desc);
    create index audit_log_actor_idx on audit_log (actor_id);

    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only();
  `.execute(db);
}
