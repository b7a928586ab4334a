/** @module The incentives tables as Kysely types (migration 0004_incentives); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';

export type CampaignMode = 'payout' | 'lottery';
export type CampaignStatus = 'draft' | 'active' | 'closed';
export type LedgerKind = 'fund' | 'payout' | 'lottery_prize' | 'voucher_issue' | 'voucher_redeem' | 'settle';

export interface MerchantsTable {
  id: Id;
  territory_id: string;
  name: string;
  commune_code: string | null;
  address: string | null;
  user_id: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface CampaignsTable {
  id: Id;
  territory_id: string;
  name: string;
  mode: CampaignMode;
  status: Generated<CampaignStatus>;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  budget_cents: ColumnType<string, number | string, number | string>;
  rules: ColumnType<unknown, string, string>;
  prize_cents: number | null;
  winners_per_week: number | null;
  created_by: string | null;
  created_at: Timestamp;
  launched_at: Date | null;
  closed_at: Date | null;
}

export interface LedgerAccountsTable {
  territory_id: string;
  account: string;
  balance_cents: ColumnType<string, number | string, number | string>;
}

export interface LedgerTransactionsTable {
  id: Id;
  territory_id: string;
  key: string;
  kind: LedgerKind;
  memo: ColumnType<unknown, string | undefined, string>;
  actor_id: string | null;
  created_at: Timestamp;
}

export interface LedgerEntriesTable {
  id: Id;
  transaction_id: string;
  territory_id: string;
  account: string;
  cents: ColumnType<string, number | string, number | string>;
}

export interface CampaignAwardsTable {
  campaign_id: string;
  gesture_id: string;
  territory_id: string;
  user_id: string;
  occurred_on: ColumnType<string, string, string>;
  alone_cents: number;
  awarded_cents: number;
  caps_bit: ColumnType<string[], string[] | undefined, string[]>;
  transaction_id: string | null;
  created_at: Timestamp;
}

export interface VouchersTable {
  id: Id;
  territory_id: string;
  code: string;
  user_id: string;
  merchant_id: string;
  cents: number;
  issue_key: string;
  issued_at: Timestamp;
  redeemed_at: Date | null;
  redeemed_by: string | null;
}

export interface LotteryDrawsTable {
  id: Id;
  territory_id: string;
  campaign_id: string;
  week_start: ColumnType<string, string, string>;
  seed_commitment: string;
  seed: string | null;
  committed_at: Date;
  participants: ColumnType<unknown, string | null | undefined, string | null>;
  winners: ColumnType<unknown, string | null | undefined, string | null>;
  drawn_at: Date | null;
}

export interface IncentivesTables {
  merchants: MerchantsTable;
  campaigns: CampaignsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_entries: LedgerEntriesTable;
  campaign_awards: CampaignAwardsTable;
  vouchers: VouchersTable;
  lottery_draws: LotteryDrawsTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends IncentivesTables {}
}
