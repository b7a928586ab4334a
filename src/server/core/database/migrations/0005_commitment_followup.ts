/** @module Migration 0005: in-app notifications; signatures entered by a mediator or an organiser; the "did you do it?" answer; sweep bookkeeping. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notifications (
      id bigint generated always as identity primary key,
      territory_id bigint references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      kind text not null check (char_length(kind) between 1 and 100),
      params jsonb not null default '{}',
      link text check (link is null or link like '/%'),
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, id);

    -- Who entered a signature for someone else: a mediator (with the paper consent form's reference) or an
    -- organiser typing in a signature collected offline (with its reference). Null signed_by: self-signed.
    alter table commitment_signatures
      add column entry text not null default 'self' check (entry in ('self', 'mediator', 'offline')),
      add column signed_by bigint references users (id) on delete set null,
      add column consent_ref text check (consent_ref is null or char_length(consent_ref) between 1 and 100),
      add column kept boolean,
      add column checked_at timestamptz,
      add constraint commitment_signatures_consent_check check ((entry = 'self') = (consent_ref is null)),
      add constraint commitment_signatures_self_check check (entry <> 'self' or signed_by is null),
      add constraint commitment_signatures_check_check check ((kept is null) = (checked_at is null));

    -- The sweep's bookkeeping: when the creator was last nudged, when signers were asked "did you do it?".
    alter table commitments
      add column last_nudged_at timestamptz,
      add column check_asked_at timestamptz;
    create index commitments_sweep_idx on commitments (signing_deadline);
  `.execute(db);
}
