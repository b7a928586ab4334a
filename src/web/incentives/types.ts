/** @module Incentive shapes as the API sends them (docs/incentives.md, "HTTP API"): campaigns, simulation, draws, wallet, merchants. */

// Rules and the simulation come from the server's pure modules, imported for types only (nothing reaches
// the bundle). The route answers are written here from the documented contract.
export type { Rule, ProofClass } from '../../server/incentives/campaign-rules.ts';
export type { Simulation, WeekCost } from '../../server/incentives/simulate.ts';
export type { CapKind } from '../../server/incentives/evaluate-campaign.ts';
export type { GestureKind } from '../../server/core/database/schema.ts';
import type { Rule } from '../../server/incentives/campaign-rules.ts';
import type { Simulation } from '../../server/incentives/simulate.ts';

export type CampaignMode = 'payout' | 'lottery';
export type CampaignStatus = 'draft' | 'active' | 'closed';

export interface CampaignInput {
  name: string;
  mode: CampaignMode;
  startsOn: string;
  endsOn: string;
  budgetCents: number;
  rules: Rule[];
  prizeCents?: number;
  winnersPerWeek?: number;
}

export interface CampaignView extends CampaignInput {
  id: string;
  status: CampaignStatus;
  spentCents: number;
  remainingCents: number;
  /** Added to the budget after launch (budgetCents includes them). */
  topUps: { cents: number; reference: string; at: string }[];
  /** Given back to the territory after closing. */
  returnedCents: number;
  awardedGestures: number;
  people: number;
  heldGestures: number;
  launchedAt: string | null;
  closedAt: string | null;
}

export type SimulationView = Simulation & { from: string; to: string; weeks: number };

export interface TopUpResult {
  topUp: { cents: number; reference: string; at: string };
  replayed: boolean;
  settlement: SettleResult;
  campaign: CampaignView;
}

export interface ReturnResult {
  returned: { cents: number; reference: string; at: string };
  replayed: boolean;
  campaign: CampaignView;
}

export interface SettleResult {
  awarded: number;
  paidCents: number;
  exhausted: boolean;
  held: number;
  draws: number;
}

export interface DrawView {
  weekStart: string;
  /** The first day the week is drawn: 7 days after it ends, so late gestures still bring chances. */
  drawsOn: string;
  seedCommitment: string;
  seed: string | null;
  participants: { ticket: string; points: number }[] | null;
  winners: { ticket: string; cents: number }[] | null;
  drawnAt: string | null;
  myTicket: string | null;
}

export interface MerchantView {
  id: string;
  name: string;
  communeCode: string | null;
  communeName: string | null;
  address: string | null;
}

/** A shop as operators see it (`GET …/merchants/accounts`, `PATCH …/merchants/:id`). */
export interface MerchantAccountView extends MerchantView {
  active: boolean;
  accountName: string | null;
  owedCents: number;
  settledCents: number;
}

export interface VoucherView {
  code: string;
  cents: number;
  merchantId: string;
  merchantName: string;
  issuedAt: string;
  redeemedAt: string | null;
}

export type HistoryKind = 'payout' | 'lottery_prize' | 'voucher_issue';

export interface HistoryEntry {
  at: string;
  kind: HistoryKind;
  cents: number;
  campaignName: string | null;
  gestureDate: string | null;
  merchantName: string | null;
}

export interface WalletView {
  balanceCents: number;
  heldGestures: number;
  history: HistoryEntry[];
  vouchers: VoucherView[];
  merchants: MerchantView[];
}

export interface Redemption {
  code: string;
  cents: number;
  redeemedAt: string;
}

export type ShopView = MerchantView & { owedCents: number; settledCents: number; redemptions: Redemption[] };

export interface VoucherCheck {
  code: string;
  cents: number;
  status: 'valid' | 'redeemed';
  issuedAt: string;
  redeemedAt: string | null;
}

export interface RedemptionResult {
  code: string;
  cents: number;
  owedCents: number;
}
