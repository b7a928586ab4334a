/** @module Incentive shapes as the API sends them (docs/incentives.md, "HTTP API"): campaigns, simulation, draws, wallet, merchants. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts) around the answers that carry a `Date`.
import type { ApiError } from '../core/api-error.ts';
import type { Wire } from '../core/wire.ts';
import type {
  CampaignView,
  IncentiveReason,
  ShopView as ServerShopView,
  VoucherCheck as ServerVoucherCheck,
  VoucherView as ServerVoucherView,
  WalletKind,
  WalletLine,
  WalletView as ServerWalletView,
} from '../../server/incentives/schemas.ts';

export type { Rule, ProofClass } from '../../server/incentives/schemas.ts';
export type { Simulation, WeekCost } from '../../server/incentives/schemas.ts';
export type { CapKind } from '../../server/incentives/schemas.ts';
export type { GestureKind } from '../../server/incentives/schemas.ts';
export type { CampaignInput } from '../../server/incentives/schemas.ts';
export type {
  CampaignView,
  DrawView,
  MerchantAccountView,
  MerchantView,
  RedemptionResult,
  ReturnResult,
  SettleResult,
  ShownCampaignView,
  SimulationView,
  TopUpResult,
} from '../../server/incentives/schemas.ts';

export type CampaignMode = CampaignView['mode'];
export type CampaignStatus = CampaignView['status'];

export type VoucherView = Wire<ServerVoucherView>;
export type HistoryKind = WalletKind;
export type HistoryEntry = Wire<WalletLine>;
export type WalletView = Wire<ServerWalletView>;
export type ShopView = Wire<ServerShopView>;
export type Redemption = ShopView['redemptions'][number];
export type VoucherCheck = Wire<ServerVoucherCheck>;

/** A problem's `reason` as one of the incentive routes' reasons (the server's INCENTIVE_REASONS), or "" without one. */
export const incentiveReason = (error: Pick<ApiError, 'reason'>): IncentiveReason | '' => error.reason as IncentiveReason | '';
