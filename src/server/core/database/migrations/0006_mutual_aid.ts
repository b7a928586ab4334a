/** @module Migration 0006: Neighbour mutual aid: requests, offers, helpers, private addresses, thanks. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A helper's profile: what they can do, when, how far; home is an H3 cell (resolution 8), never a point.
    create table aid_helper_profiles (
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null references users (id) on delete cascade,
      skills text[] not null check (
        cardinality(skills) between 1 and 8
        and skills <@ array['groceries', 'pharmacy', 'visit', 'call', 'homework', 'repairs', 'lift', 'other']
      ),
      weekdays smallint[] not null check (cardinality(weekdays) between 1 and 7 and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
      times text[] not null check (cardinality(times) between 1 and 3 and times <@ array['morning', 'afternoon', 'evening']),
      radius_km real not null check (radius_km > 0 and radius_km <= 50),
      home_cell text not null check (char_length(home_cell) = 15),
      commune_code text not null,
      updated_at timestamptz not null,
      primary key (territory_id, user_id)
    );
    create index aid_helper_profiles_user_idx on aid_helper_profiles (user_id);

    -- A request for help. The place is coarse (cell and commune); the exact address lives in aid_request_addresses.
    create table aid_requests (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      requester_id bigint not null references users (id) on delete cascade,
      kind text not null check (kind in ('groceries', 'pharmacy', 'visit', 'call', 'homework', 'repairs', 'lift', 'other')),
      urgency text not null check (urgency in ('today', 'this_week', 'flexible')),
      window_from timestamptz not null,
      window_to timestamptz not null check (window_to > window_from),
      -- Null once the requester's account is erased (a done request still counts, without its words).
      description text check (description is null or char_length(description) between 1 and 1000),
      cell text not null check (char_length(cell) = 15),
      commune_code text not null,
      status text not null default 'open' check (status in ('open', 'offered', 'matched', 'done', 'cancelled')),
      accepted_helper_id bigint references users (id),
      -- Hours the helper or requester reported when marking it done; null: the per-kind estimate counts.
      hours_reported real check (hours_reported is null or (hours_reported > 0 and hours_reported <= 24)),
      idempotency_key text check (idempotency_key is null or char_length(idempotency_key) between 8 and 100),
      created_at timestamptz not null,
      matched_at timestamptz,
      done_at timestamptz,
      cancelled_at timestamptz,
      thanks_message text check (thanks_message is null or char_length(thanks_message) between 1 and 1000),
      thanked_at timestamptz,
      -- Set by moderation: hidden content is left out of every public list and search.
      hidden_at timestamptz,
      unique (territory_id, requester_id, idempotency_key),
      check (status not in ('matched', 'done') or accepted_helper_id is not null),
      check (status not in ('open', 'offered') or accepted_helper_id is null),
      check ((status = 'done') = (done_at is not null)),
      check ((status = 'cancelled') = (cancelled_at is not null)),
      check (thanked_at is null or status = 'done')
    );
    create index aid_requests_open_idx on aid_requests (territory_id, status, window_to) where hidden_at is null;
    create index aid_requests_requester_idx on aid_requests (requester_id, id);
    create index aid_requests_helper_idx on aid_requests (accepted_helper_id);
    create index aid_requests_done_idx on aid_requests (territory_id, done_at) where status = 'done';

    -- The exact address (and how to reach the person), apart: read only through mutual-aid/address.ts, which checks entitlement.
    create table aid_request_addresses (
      request_id bigint primary key references aid_requests (id) on delete cascade,
      territory_id bigint not null references territories (id) on delete cascade,
      address text not null check (char_length(address) between 3 and 300),
      contact text check (contact is null or char_length(contact) between 1 and 200)
    );

    -- A helper offering to take a request; the requester accepts one of these.
    create table aid_request_offers (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      request_id bigint not null references aid_requests (id) on delete cascade,
      helper_id bigint not null references users (id) on delete cascade,
      message text check (message is null or char_length(message) between 1 and 500),
      created_at timestamptz not null,
      withdrawn_at timestamptz,
      unique (request_id, helper_id)
    );
    create index aid_request_offers_helper_idx on aid_request_offers (helper_id);

    -- A standing offer of help ("I shop on Tuesdays, I can take a list"), listed and searchable.
    create table aid_offers (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      helper_id bigint not null references users (id) on delete cascade,
      kind text not null check (kind in ('groceries', 'pharmacy', 'visit', 'call', 'homework', 'repairs', 'lift', 'other')),
      text text not null check (char_length(text) between 1 and 500),
      weekdays smallint[] not null check (cardinality(weekdays) between 1 and 7 and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
      times text[] not null check (cardinality(times) between 1 and 3 and times <@ array['morning', 'afternoon', 'evening']),
      cell text not null check (char_length(cell) = 15),
      commune_code text not null,
      created_at timestamptz not null,
      closed_at timestamptz,
      hidden_at timestamptz
    );
    create index aid_offers_list_idx on aid_offers (territory_id, id) where closed_at is null and hidden_at is null;
    create index aid_offers_helper_idx on aid_offers (helper_id);
  `.execute(db);
}
