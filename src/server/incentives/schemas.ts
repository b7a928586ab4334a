/**
 * @module The HTTP contract of incentives: what campaign, wallet and shop routes answer for every status, and the
 * `reason` values their refusals carry. Use-cases and the web app read their types from here (`Static<>`).
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ProvenanceSchema } from '../core/figures.ts';
import { DateTime, Nullable, StringEnum, VIEWER_HOOK_REASONS } from '../core/http/schemas.ts';
import { GuardedSchema, SuppressedSchema } from '../core/privacy/small-group.ts';

// Types the web app reads with the schemas (it imports the server through schemas.ts only).
export type { GestureKind } from '../core/database/schema.ts';
export type { CampaignInput } from './campaign-input.ts';
export type { ProofClass, Rule } from './campaign-rules.ts';
export type { CapKind } from './evaluate-campaign.ts';
export type { Simulation, WeekCost } from './simulate.ts';

const Cents = Type.Integer({ description: 'euro cents (points in a wallet: 1 point = 1 cent)' });

/**
 * Every `reason` an incentive route's problem may carry, for clients to branch on: campaigns, shops, wallets and
 * the till, the ledger's refusal, and those of the `x-maille-acting-for` header.
 */
export const INCENTIVE_REASONS = [
  'not_draft',
  'not_active',
  'not_closed',
  'nothing_left',
  'insufficient_funds',
  'unknown_commune',
  'name_taken',
  'not_a_member',
  'nothing_to_change',
  'nothing_owed',
  'not_shop_account',
  'unknown_merchant',
  'insufficient_points',
  'wrong_merchant',
  'already_redeemed',
  // The refusals of a session on behalf, before any route runs (core/http/schemas.ts).
  ...VIEWER_HOOK_REASONS,
] as const;
export type IncentiveReason = (typeof INCENTIVE_REASONS)[number];

// ── Campaigns ─────────────────────────────────────────────────────────────

const GESTURE_KINDS = ['carpool', 'shift', 'mode_switch'] as const;

/** A stored rule (campaign-rules.ts `Rule`); bounds are the input's (campaign-input.ts), a stored rule may hold a default beyond them. */
export const RuleView = Type.Union([
  Type.Object({ type: Type.Literal('only_kinds'), kinds: Type.Array(StringEnum(GESTURE_KINDS)) }),
  Type.Object({ type: Type.Literal('in_communities'), ids: Type.Array(Type.String()) }),
  Type.Object({ type: Type.Literal('in_communes'), codes: Type.Array(Type.String()) }),
  Type.Object({ type: Type.Literal('min_proof_class'), proofClass: StringEnum(['B', 'C'] as const) }),
  Type.Object({ type: Type.Literal('on_weekdays'), days: Type.Array(Type.Integer()) }),
  Type.Object({ type: Type.Literal('distance_between'), minKm: Type.Number(), maxKm: Type.Number() }),
  Type.Object({ type: Type.Literal('per_gesture'), cents: Cents }),
  Type.Object({ type: Type.Literal('per_seat'), cents: Cents }),
  Type.Object({ type: Type.Literal('per_km'), cents: Cents, offsetKm: Type.Number(), limitKm: Type.Number() }),
  Type.Object({ type: Type.Literal('amount_for_distance'), fromKm: Type.Number(), toKm: Type.Number(), cents: Cents }),
  Type.Object({ type: Type.Literal('time_window_bonus'), startMin: Type.Integer(), endMin: Type.Integer(), cents: Cents }),
  Type.Object({ type: Type.Literal('booster_dates'), dates: Type.Array(Type.String()), percent: Type.Integer() }),
  Type.Object({ type: Type.Literal('max_per_person_per_day'), cents: Cents }),
  Type.Object({ type: Type.Literal('max_per_person_per_month'), cents: Cents }),
]);

const BudgetMove = Type.Object({ cents: Cents, reference: Type.String(), at: Type.String({ format: 'date-time' }) });

const campaignFields = {
  id: Type.String(),
  name: Type.String(),
  mode: StringEnum(['payout', 'lottery'] as const),
  startsOn: Type.String({ description: 'YYYY-MM-DD' }),
  endsOn: Type.String({ description: 'YYYY-MM-DD' }),
  budgetCents: Cents,
  rules: Type.Array(RuleView),
  prizeCents: Type.Optional(Cents),
  winnersPerWeek: Type.Optional(Type.Integer()),
  status: StringEnum(['draft', 'active', 'closed'] as const),
  topUps: Type.Array(BudgetMove, { description: 'added to the budget after launch (budgetCents includes them), oldest first' }),
  heldGestures: Type.Integer({ description: 'carpools of the period held by the fraud rules, waiting for review' }),
  launchedAt: Nullable(Type.String({ format: 'date-time' })),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
};
const spending = {
  spentCents: Cents,
  remainingCents: Cents,
  returnedCents: Cents,
  awardedGestures: Type.Integer(),
  people: Type.Integer(),
};

/** A campaign as its operators see it: every figure whole. */
export const CampaignViewSchema = Type.Object({ ...campaignFields, ...spending });
export type CampaignView = Static<typeof CampaignViewSchema>;

/** A campaign as anyone may see it: what it paid, to how many people, only once at least PRIVACY_MIN_GROUP were paid. */
export const ShownCampaignViewSchema = Type.Object({
  ...campaignFields,
  spentCents: GuardedSchema(Cents),
  remainingCents: GuardedSchema(Cents),
  returnedCents: GuardedSchema(Cents),
  awardedGestures: GuardedSchema(Type.Integer()),
  people: GuardedSchema(Type.Integer()),
});
export type ShownCampaignView = Static<typeof ShownCampaignViewSchema>;

const withProvenance = <T extends Record<string, TSchema>>(properties: T) => Type.Object({ ...properties, provenance: ProvenanceSchema });

export const CampaignList = Type.Object({ items: Type.Array(ShownCampaignViewSchema), provenance: ProvenanceSchema });
export const ShownCampaignAnswer = withProvenance(ShownCampaignViewSchema.properties);
export const CampaignAnswer = withProvenance(CampaignViewSchema.properties);
export const CampaignCreated = Type.Object({ id: Type.String() });

export const SettleResultSchema = Type.Object({
  awarded: Type.Integer({ description: 'gestures awarded more than zero by this settlement' }),
  paidCents: Cents,
  exhausted: Type.Boolean({ description: 'the budget is spent, or a payout of this settlement was cut by it' }),
  held: Type.Integer({ description: 'carpools of the period held by the fraud rules' }),
  draws: Type.Integer({ description: 'lottery weeks drawn by this settlement' }),
});
export type SettleResult = Static<typeof SettleResultSchema>;
export const SettleAnswer = withProvenance(SettleResultSchema.properties);

export const TopUpResultSchema = Type.Object({
  topUp: BudgetMove,
  replayed: Type.Boolean({ description: 'this reference was already topped up: nothing was written, the first top-up is returned' }),
  settlement: SettleResultSchema,
  campaign: CampaignViewSchema,
});
export type TopUpResult = Static<typeof TopUpResultSchema>;
export const TopUpAnswer = withProvenance(TopUpResultSchema.properties);

export const ReturnResultSchema = Type.Object({
  returned: BudgetMove,
  replayed: Type.Boolean({ description: 'the remainder was already returned: nothing was written, the first return is given back' }),
  campaign: CampaignViewSchema,
});
export type ReturnResult = Static<typeof ReturnResultSchema>;
export const ReturnAnswer = withProvenance(ReturnResultSchema.properties);

const WinnerSchema = Type.Object({ ticket: Type.String(), cents: Cents });
export type Winner = Static<typeof WinnerSchema>;
export const DrawViewSchema = Type.Object({
  weekStart: Type.String({ description: 'Monday of the week, YYYY-MM-DD' }),
  drawsOn: Type.String({ description: 'the first day the week is drawn, YYYY-MM-DD' }),
  seedCommitment: Type.String({ description: 'SHA-256 of the seed, hex, published at launch' }),
  seed: Nullable(Type.String({ description: 'revealed once drawn' })),
  participants: Nullable(Type.Array(Type.Object({ ticket: Type.String(), points: Type.Integer() }))),
  winners: Nullable(Type.Array(WinnerSchema)),
  drawnAt: Nullable(Type.String({ format: 'date-time' })),
  myTicket: Nullable(Type.String()),
});
export type DrawView = Static<typeof DrawViewSchema>;
export const DrawList = Type.Object({ items: Type.Array(DrawViewSchema), provenance: ProvenanceSchema });

/** SimulationView: each figure, or the suppressed shape (docs/privacy.md). */
export const SimulationSchema = Type.Object(
  {
    gestures: GuardedSchema(Type.Integer()),
    eligibleGestures: GuardedSchema(Type.Integer()),
    paidGestures: GuardedSchema(Type.Integer()),
    totalCents: GuardedSchema(Cents),
    truncatedCents: GuardedSchema(Cents),
    budgetCents: Cents,
    budgetUsed: GuardedSchema(Type.Number({ description: 'totalCents ÷ budgetCents' })),
    perWeek: Type.Array(
      Type.Union([Type.Object({ weekOf: Type.String(), cents: Cents, paidGestures: Type.Integer() }), Type.Object({ weekOf: Type.String(), ...SuppressedSchema.properties })]),
    ),
    perPerson: GuardedSchema(Type.Object({ people: Type.Integer(), medianCents: Cents, maxCents: Cents })),
    capsBit: GuardedSchema(Type.Object({ person_day: Type.Integer(), person_month: Type.Integer(), budget: Type.Integer() })),
    from: Type.String({ description: 'YYYY-MM-DD' }),
    to: Type.String({ description: 'YYYY-MM-DD' }),
    weeks: Type.Integer(),
  },
  { description: 'SimulationView (docs/incentives.md; docs/privacy.md for the suppressed shape)' },
);
export type SimulationView = Static<typeof SimulationSchema>;
export const SimulationAnswer = withProvenance(SimulationSchema.properties);

// ── Wallets and shops ─────────────────────────────────────────────────────

export const MerchantViewSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  address: Nullable(Type.String()),
});
export type MerchantView = Static<typeof MerchantViewSchema>;

export const VoucherViewSchema = Type.Object({
  code: Type.String(),
  cents: Cents,
  merchantId: Type.String(),
  merchantName: Type.String(),
  issuedAt: DateTime,
  redeemedAt: Nullable(DateTime),
});
export type VoucherView = Static<typeof VoucherViewSchema>;

export const WALLET_KINDS = ['payout', 'lottery_prize', 'voucher_issue'] as const;
export type WalletKind = (typeof WALLET_KINDS)[number];
export const WalletLineSchema = Type.Object({
  at: DateTime,
  kind: StringEnum(WALLET_KINDS),
  cents: Type.Integer({ description: 'signed: + points in, − points out (a voucher)' }),
  campaignName: Nullable(Type.String()),
  gestureDate: Nullable(Type.String()),
  merchantName: Nullable(Type.String()),
});
export type WalletLine = Static<typeof WalletLineSchema>;

export const WalletViewSchema = Type.Object({
  balanceCents: Cents,
  heldGestures: Type.Integer(),
  history: Type.Array(WalletLineSchema),
  vouchers: Type.Array(VoucherViewSchema),
  merchants: Type.Array(MerchantViewSchema),
});
export type WalletView = Static<typeof WalletViewSchema>;

export const MerchantAccountViewSchema = Type.Object({
  ...MerchantViewSchema.properties,
  active: Type.Boolean(),
  accountName: Nullable(Type.String({ description: 'display name of the till account; null when the shop has none' })),
  owedCents: Type.Integer({ description: 'vouchers accepted and not yet paid' }),
  settledCents: Type.Integer({ description: 'what the settlements paid' }),
});
export type MerchantAccountView = Static<typeof MerchantAccountViewSchema>;

export const ShopViewSchema = Type.Object({
  ...MerchantViewSchema.properties,
  owedCents: Type.Integer(),
  settledCents: Type.Integer(),
  redemptions: Type.Array(Type.Object({ code: Type.String(), cents: Cents, redeemedAt: DateTime })),
});
export type ShopView = Static<typeof ShopViewSchema>;

export const VoucherCheckSchema = Type.Object({ code: Type.String(), cents: Cents, status: StringEnum(['valid', 'redeemed'] as const), issuedAt: DateTime, redeemedAt: Nullable(DateTime) });
export type VoucherCheck = Static<typeof VoucherCheckSchema>;

export const RedemptionResultSchema = Type.Object({ code: Type.String(), cents: Cents, owedCents: Type.Integer({ description: 'what the shop is now owed' }) });
export type RedemptionResult = Static<typeof RedemptionResultSchema>;

export const MerchantSettled = Type.Object({ settledCents: Type.Integer() });
export const MerchantList = Type.Object({ items: Type.Array(MerchantViewSchema) });
export const MerchantAccountList = Type.Object({ items: Type.Array(MerchantAccountViewSchema) });
export const ShopList = Type.Object({ items: Type.Array(ShopViewSchema) });
