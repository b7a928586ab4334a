/** @module A resident's wallet in one territory: balance (from the ledger), history, held gestures, vouchers, shops. */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { LedgerKind } from './tables.ts';
import { requireResident } from '../territories/index.ts';
import { balanceOf } from './ledger-store.ts';
import { listActiveMerchants } from './merchant-shops.ts';
import { toVoucherView, voucherRows } from './voucher-issue.ts';
import type { WalletKind, WalletLine, WalletView } from './schemas.ts';

export type { WalletKind, WalletLine, WalletView } from './schemas.ts';

const WALLET_KINDS: readonly WalletKind[] = ['payout', 'lottery_prize', 'voucher_issue'];
/** The wallet page shows this many recent lines and vouchers; the data export has them all. */
const RECENT = 100;
const numericId = (value: unknown): value is string => typeof value === 'string' && /^[0-9]{1,18}$/.test(value);

interface RawLine {
  cents: string;
  kind: LedgerKind;
  key: string;
  memo: unknown;
  created_at: Date;
}

/**
 * Names the lines of a wallet: the campaign of a payout or prize (memo `campaignId`, else the key
 * `payout:<campaign>:<gesture>`), the gesture's date (memo `gestureId`, else the key), the shop of a voucher (memo `merchantId`).
 */
export async function describeLines(db: Executor, territoryId: string, raw: RawLine[]): Promise<WalletLine[]> {
  const parsed = raw.map((r) => {
    const memo = (r.memo ?? {}) as Record<string, unknown>;
    const [, keyCampaign, keyGesture] = r.key.split(':');
    const paid = r.kind === 'payout' || r.kind === 'lottery_prize';
    const campaignId = paid ? (memo.campaignId ?? keyCampaign) : undefined;
    const gestureId = r.kind === 'payout' ? (memo.gestureId ?? keyGesture) : memo.gestureId;
    const merchantId = r.kind === 'voucher_issue' ? memo.merchantId : undefined;
    return { r, campaignId: numericId(campaignId) ? campaignId : null, gestureId: numericId(gestureId) ? gestureId : null, merchantId: numericId(merchantId) ? merchantId : null };
  });
  const ids = (pick: (p: (typeof parsed)[number]) => string | null) => [...new Set(parsed.map(pick).filter((id): id is string => id !== null))];
  const campaignIds = ids((p) => p.campaignId);
  const gestureIds = ids((p) => p.gestureId);
  const merchantIds = ids((p) => p.merchantId);
  const campaigns = campaignIds.length ? await db.selectFrom('campaigns').select(['id', 'name']).where('territory_id', '=', territoryId).where('id', 'in', campaignIds).execute() : [];
  const gestures = gestureIds.length ? await db.selectFrom('gestures').select(['id', 'occurred_on']).where('territory_id', '=', territoryId).where('id', 'in', gestureIds).execute() : [];
  const merchants = merchantIds.length ? await db.selectFrom('merchants').select(['id', 'name']).where('territory_id', '=', territoryId).where('id', 'in', merchantIds).execute() : [];
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  const gestureDate = new Map(gestures.map((g) => [g.id, g.occurred_on]));
  const merchantName = new Map(merchants.map((m) => [m.id, m.name]));
  return parsed.map(({ r, campaignId, gestureId, merchantId }) => ({
    at: r.created_at,
    kind: r.kind as WalletKind,
    cents: Number(r.cents),
    campaignName: (campaignId && campaignName.get(campaignId)) ?? null,
    gestureDate: (gestureId && gestureDate.get(gestureId)) ?? null,
    merchantName: (merchantId && merchantName.get(merchantId)) ?? null,
  }));
}

/** The entries of `wallet:<userId>` in a territory with their transactions, newest first. */
export function walletLines(db: Executor, territoryId: string, userId: string) {
  return db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_transactions as t', 't.id', 'e.transaction_id')
    .select(['e.cents', 't.kind', 't.key', 't.memo', 't.created_at'])
    .where('e.territory_id', '=', territoryId)
    .where('e.account', '=', `wallet:${userId}`)
    .where('t.kind', 'in', WALLET_KINDS)
    .orderBy('e.id', 'desc');
}

/** The viewer's carpools waiting for an operator's review (flagged by the fraud rules): not counted, not paid yet. */
async function countHeldGestures(db: Executor, territoryId: string, userId: string): Promise<number> {
  const pending = db
    .selectFrom('carpool_matches')
    .select(sql<string>`id::text`.as('id'))
    .where('territory_id', '=', territoryId)
    .where('review_status', '=', 'pending');
  const row = await db
    .selectFrom('gestures')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('territory_id', '=', territoryId)
    .where('user_id', '=', userId)
    .where('counted', '=', false)
    .where('source_type', '=', 'carpool_match')
    .where('source_id', 'in', pending)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The viewer's own wallet: there is no person id in the route, so nobody can read another's. */
export async function viewWallet({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<WalletView> {
  const actor = await requireResident(db, territory, viewer);
  const [balanceCents, heldGestures, raw, vouchers, merchants] = await Promise.all([
    balanceOf(db, territory.id, `wallet:${actor.userId}`),
    countHeldGestures(db, territory.id, actor.userId),
    walletLines(db, territory.id, actor.userId).limit(RECENT).execute(),
    voucherRows(db, territory.id, actor.userId).limit(RECENT).execute(),
    listActiveMerchants(db, territory.id),
  ]);
  return { balanceCents, heldGestures, history: await describeLines(db, territory.id, raw), vouchers: vouchers.map(toVoucherView), merchants };
}
