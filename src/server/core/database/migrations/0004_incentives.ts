/** @module Migration 0004: incentive campaigns, a double-entry append-only ledger, merchants, vouchers, lottery draws. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table merchants (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null check (char_length(name) between 1 and 120),
      commune_code text,
      address text check (address is null or char_length(address) <= 200),
      -- The account that checks and accepts vouchers at the till.
      user_id bigint references users (id) on delete set null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      unique (territory_id, name)
    );
    create index merchants_user_idx on merchants (user_id);

    create table campaigns (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      name text not null check (char_length(name) between 1 and 120),
      mode text not null check (mode in ('payout', 'lottery')),
      status text not null default 'draft' check (status in ('draft', 'active', 'closed')),
      starts_on date not null,
      ends_on date not null check (ends_on >= starts_on),
      budget_cents bigint not null check (budget_cents > 0),
      rules jsonb not null,
      -- Lottery mode: the prize of each winner and how many win each week.
      prize_cents integer check (prize_cents is null or prize_cents > 0),
      winners_per_week integer check (winners_per_week is null or winners_per_week between 1 and 1000),
      created_by bigint references users (id) on delete set null,
      created_at timestamptz not null default now(),
      launched_at timestamptz,
      closed_at timestamptz,
      check (mode = 'payout' or (prize_cents is not null and winners_per_week is not null))
    );
    create index campaigns_territory_idx on campaigns (territory_id, status);

    -- Balances are derived from the entries by the trigger below, inside the same transaction; the check is the
    -- last guard of the invariant "only the outside world (funding:) may go below zero".
    create table ledger_accounts (
      territory_id bigint not null references territories (id) on delete cascade,
      account text not null check (account ~ '^(funding|budget|wallet|voucher|merchant):[A-Za-z0-9-]+$'),
      balance_cents bigint not null default 0,
      primary key (territory_id, account),
      check (balance_cents >= 0 or account like 'funding:%')
    );

    create table ledger_transactions (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      key text not null,
      kind text not null check (kind in ('fund', 'payout', 'lottery_prize', 'voucher_issue', 'voucher_redeem', 'settle')),
      memo jsonb not null default '{}'::jsonb,
      actor_id bigint,
      created_at timestamptz not null default now(),
      unique (territory_id, key)
    );

    create table ledger_entries (
      id bigint generated always as identity primary key,
      transaction_id bigint not null references ledger_transactions (id),
      territory_id bigint not null references territories (id) on delete cascade,
      account text not null,
      cents bigint not null check (cents <> 0)
    );
    create index ledger_entries_account_idx on ledger_entries (territory_id, account, id);
    create index ledger_entries_transaction_idx on ledger_entries (transaction_id);

    create function ledger_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the ledger is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger ledger_transactions_no_change before update or delete on ledger_transactions
      for each row execute function ledger_append_only();
    create trigger ledger_entries_no_change before update or delete on ledger_entries
      for each row execute function ledger_append_only();
    create trigger ledger_transactions_no_truncate before truncate on ledger_transactions
      for each statement execute function ledger_append_only();
    create trigger ledger_entries_no_truncate before truncate on ledger_entries
      for each statement execute function ledger_append_only();

    create function ledger_apply_entry() returns trigger language plpgsql as $$
    begin
      -- Update first: a check constraint is tested on the row an INSERT proposes, before ON CONFLICT, so an
      -- upsert of a negative amount would fail even when the account holds enough.
      update ledger_accounts set balance_cents = balance_cents + new.cents
        where territory_id = new.territory_id and account = new.account;
      if not found then
        insert into ledger_accounts (territory_id, account, balance_cents) values (new.territory_id, new.account, new.cents)
          on conflict (territory_id, account) do update set balance_cents = ledger_accounts.balance_cents + excluded.balance_cents;
      end if;
      return new;
    end $$;
    create trigger ledger_entries_apply after insert on ledger_entries
      for each row execute function ledger_apply_entry();

    -- Every transaction sums to zero, checked at commit (entries of one transaction are inserted one by one).
    create function ledger_check_balanced() returns trigger language plpgsql as $$
    declare total bigint;
    begin
      select coalesce(sum(cents), 0) into total from ledger_entries where transaction_id = new.transaction_id;
      if total <> 0 then
        raise exception 'ledger transaction % does not balance (%)', new.transaction_id, total using errcode = 'check_violation';
      end if;
      return null;
    end $$;
    create constraint trigger ledger_entries_balanced after insert on ledger_entries
      deferrable initially deferred for each row execute function ledger_check_balanced();

    -- What each gesture earned under each campaign: money (payout mode) or points (lottery mode). The primary
    -- key is the idempotency of payouts: a gesture is paid once per campaign, whatever the retries.
    create table campaign_awards (
      campaign_id bigint not null references campaigns (id) on delete cascade,
      gesture_id bigint not null references gestures (id),
      territory_id bigint not null references territories (id) on delete cascade,
      user_id bigint not null,
      occurred_on date not null,
      alone_cents integer not null check (alone_cents >= 0),
      awarded_cents integer not null check (awarded_cents >= 0 and awarded_cents <= alone_cents),
      caps_bit text[] not null default '{}',
      transaction_id bigint references ledger_transactions (id),
      created_at timestamptz not null default now(),
      primary key (campaign_id, gesture_id)
    );
    create index campaign_awards_user_idx on campaign_awards (campaign_id, user_id, occurred_on);
    create index campaign_awards_person_idx on campaign_awards (user_id);

    create table vouchers (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      code text not null check (code ~ '^[A-Z0-9-]{4,32}$'),
      user_id bigint not null,
      merchant_id bigint not null references merchants (id),
      cents integer not null check (cents > 0),
      issue_key text not null,
      issued_at timestamptz not null default now(),
      redeemed_at timestamptz,
      redeemed_by bigint,
      unique (territory_id, code),
      unique (territory_id, issue_key)
    );
    create index vouchers_user_idx on vouchers (user_id, issued_at desc);
    create index vouchers_merchant_idx on vouchers (merchant_id, redeemed_at desc);

    -- Lottery mode: the seed's commitment is published before the week, the seed after it; anyone can then
    -- recompute the winners from the published participants (docs/incentives.md, maille-lottery-v1).
    create table lottery_draws (
      id bigint generated always as identity primary key,
      territory_id bigint not null references territories (id) on delete cascade,
      campaign_id bigint not null references campaigns (id) on delete cascade,
      week_start date not null,
      seed_commitment text not null check (seed_commitment ~ '^[0-9a-f]{64}$'),
      seed text check (seed is null or seed ~ '^[0-9a-f]{64}$'),
      committed_at timestamptz not null,
      participants jsonb,
      winners jsonb,
      drawn_at timestamptz,
      unique (campaign_id, week_start)
    );
  `.execute(db);
}
