/** @module Migration 0013: verified e-mail addresses, atomic password-attempt throttling, mentions of people in notifications and mail. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An address is trusted (e-mail-domain communities, any mail but its verification) only once verified.
    alter table users add column email_verified_at timestamptz;
    -- The demo accounts are invented addresses at a domain Maille owns: seeded as verified.
    update users set email_verified_at = created_at where email like '%@demo.maille.fr';

    -- A verification link, stored as the SHA-256 of its secret, for the address it was sent to (a sign-up or a
    -- change of address: users.email changes only when the new address is verified).
    create table email_verification_tokens (
      id text primary key,
      user_id bigint not null references users (id) on delete cascade,
      email text not null check (char_length(email) between 3 and 254),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index email_verification_tokens_user_idx on email_verification_tokens (user_id);

    -- Attempt counters in fixed windows, reserved by one upsert before the costly or sensitive work (a password
    -- check, a reset mail), so concurrent requests cannot all pass a read-then-write check.
    create table auth_throttle (
      key text primary key,
      window_started_at timestamptz not null,
      attempts integer not null check (attempts >= 0)
    );
    create index auth_throttle_window_idx on auth_throttle (window_started_at);
    drop table sign_in_failures;

    -- The people whose name or words a notification or a mail carries (besides its recipient): erasing one of
    -- them scrubs those rows.
    alter table notifications add column about_user_ids bigint[] not null default '{}';
    create index notifications_about_idx on notifications using gin (about_user_ids);
    alter table mail_outbox add column about_user_ids bigint[] not null default '{}';
    create index mail_outbox_about_idx on mail_outbox using gin (about_user_ids);
    -- A verification or reset mail goes to an address not yet verified; every other mail needs a verified one.
    alter table mail_outbox add column purpose text not null default 'notice' check (purpose in ('notice', 'verification', 'password_reset'));
  `.execute(db);
}
