/** @module Incentive shapes as the API sends them (docs/incentives.md, "HTTP API"): campaigns, simulation, draws, wallet, merchants. */

// The API's own types, imported for types only (nothing reaches the bundle): one source for the contract.
// Dates travel as ISO strings, hence `Wire<…>` (core/wire.ts) around the answers that carry a `Date`.
import type { Wire } from '../core/wire.ts';
import type { CampaignView } from '../../server/incentives/campaign-store.ts';
import type { ShopView as ServerShopView } from '../../server/incentives/merchant-shops.ts';
import type { VoucherCheck as ServerVoucherCheck } from '../../server/incentives/voucher-redeem.ts';
import type { VoucherView as ServerVoucherView } from '../../server/incentives/voucher-issue.ts';
import type { WalletKind, WalletLine, WalletView as ServerWalletView } from '../../server/incentives/wallet-view.ts';

export type { Rule, ProofClass } from '../../server/incentives/campaign-rules.ts';
export type { Simulation, WeekCost } from '../../server/incentives/simulate.ts';
export type { CapKind } from '../../server/incentives/evaluate-campaign.ts';
export type { GestureKind } from '../../server/core/database/schema.ts';
export type { CampaignInput } from '../../server/incentives/campaign-input.ts';
export type { CampaignView } from '../../server/incentives/campaign-store.ts';
export type { SimulationView } from '../../server/incentives/campaign-simulate.ts';
export type { TopUpResult } from '../../server/incentives/campaign-top-up.ts';
export type { ReturnResult } from '../../server/incentives/campaign-return.ts';
export type { SettleResult } from '../../server/incentives/settle-campaign.ts';
export type { DrawView } from '../../server/incentives/lottery-draws.ts';
export type { MerchantView } from '../../server/incentives/merchant-shops.ts';
export type { MerchantAccountView } from '../../server/incentives/merchant-accounts.ts';
export type { RedemptionResult } from '../../server/incentives/voucher-redeem.ts';

export type CampaignMode = CampaignView['mode'];
export type CampaignStatus = CampaignView['status'];

export type VoucherView = Wire<ServerVoucherView>;
export type HistoryKind = WalletKind;
export type HistoryEntry = Wire<WalletLine>;
export type WalletView = Wire<ServerWalletView>;
export type ShopView = Wire<ServerShopView>;
export type Redemption = ShopView['redemptions'][number];
export type VoucherCheck = Wire<ServerVoucherCheck>;
