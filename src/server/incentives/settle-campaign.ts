/** @module Settlement: pays (or awards points for) the counted gestures a running campaign has not seen yet, once each, never beyond the budget; draws the lottery's ended weeks. */
import type { Clock } from '../core/clock.ts';
import type { Database, Transaction } from '../core/database/schema.ts';
import { amountAlone, applyCaps, type Payout, type Spent } from './evaluate-campaign.ts';
import type { Campaign, CampaignGesture } from './campaign-rules.ts';
import { budgetAccount, campaignOf, loadCampaign, paidUntil, walletAccount, type CampaignRow } from './campaign-store.ts';
import { countHeldGestures, loadCampaignGestures } from './gesture-source.ts';
import { balanceOf, postTransaction } from './ledger-store.ts';
import { drawEndedWeeks } from './lottery-draws.ts';
import type { SettleResult } from './schemas.ts';

// Safe under retries and concurrency, on PGlite and on a PostgreSQL server with several API processes:
// - one settlement per campaign at a time: the campaign row is locked (`for update`) first, so a concurrent
//   settlement waits, then reads the awards the first one committed (READ COMMITTED takes a new snapshot per
//   statement) and finds nothing left to pay;
// - the budget row is locked too and what remains is read from the ledger, so payouts are truncated to it;
//   the ledger's own check (no budget below zero) is the last guard;
// - a gesture is paid once per campaign: campaign_awards' primary key (campaign, gesture) and the payout's
//   idempotency key `payout:<campaign>:<gesture>` both refuse a second time.
//
// Which gestures get an award row (and are therefore never evaluated again):
// - paid gestures, with what they were paid (possibly truncated by a cap or by the budget's last cents);
// - gestures worth nothing under the rules, or cut to zero by a person's day or month cap: final.
// Left without a row, evaluated again at the next settlement:
// - a gesture refused only because the budget is spent (payable if the budget is topped up);
// - a carpool with proof class B under a campaign that requires C: the other party may still confirm.

export type { SettleResult } from './schemas.ts';

export const NOTHING: SettleResult = { awarded: 0, paidCents: 0, exhausted: false, held: 0, draws: 0 };

/** Spending already recorded for the campaign, per person and day and per person and month. */
async function spentSoFar(trx: Transaction, campaignId: string, budgetSpent: number): Promise<Spent> {
  const rows = await trx
    .selectFrom('campaign_awards')
    .select((eb) => ['user_id', 'occurred_on', eb.fn.sum<string>('awarded_cents').as('cents')])
    .where('campaign_id', '=', campaignId)
    .where('awarded_cents', '>', 0)
    .groupBy(['user_id', 'occurred_on'])
    .execute();
  const personDay = new Map<string, number>();
  const personMonth = new Map<string, number>();
  for (const r of rows) {
    const cents = Number(r.cents);
    personDay.set(`${r.user_id}|${r.occurred_on}`, cents);
    const month = `${r.user_id}|${r.occurred_on.slice(0, 7)}`;
    personMonth.set(month, (personMonth.get(month) ?? 0) + cents);
  }
  return { budgetCents: budgetSpent, personDay, personMonth };
}

/** Why a gesture paid nothing may still earn something later, or null when its zero is final (see the module comment). */
function mayStillEarn(campaign: Campaign, g: CampaignGesture, p: Payout): 'budget' | 'proof' | null {
  if (p.paidCents > 0) return null;
  if (p.aloneCents > 0 && p.cappedBy.includes('budget')) return 'budget';
  return p.aloneCents === 0 && g.kind === 'carpool' && g.proofClass === 'B' && amountAlone(campaign, { ...g, proofClass: 'C' }) > 0 ? 'proof' : null;
}

/** Wallet account, then gesture id: the one order in which settlements lock wallet rows. */
export function byWallet(a: { personId: string; gestureId: string }, b: { personId: string; gestureId: string }): number {
  const wa = walletAccount(a.personId);
  const wb = walletAccount(b.personId);
  if (wa !== wb) return wa < wb ? -1 : 1;
  return a.gestureId < b.gestureId ? -1 : a.gestureId > b.gestureId ? 1 : 0;
}

/** Settles inside an open transaction; the caller commits. */
export async function settleInTransaction(trx: Transaction, row0: CampaignRow, now: Date): Promise<SettleResult> {
  const row = await loadCampaign(trx, row0.territory_id, row0.id, true);
  if (row.status !== 'active') return NOTHING;
  const territoryId = row.territory_id;
  const lottery = row.mode === 'lottery';
  const budget = budgetAccount(row.id);
  let budgetLeft = await balanceOf(trx, territoryId, budget, true);
  const campaign = campaignOf(row);
  const until = paidUntil(row, now);
  const held = until >= row.starts_on ? await countHeldGestures(trx, { territoryId, from: row.starts_on, to: until }) : 0;
  let awarded = 0;
  let paidCents = 0;
  let budgetCut = false;
  if (until >= row.starts_on) {
    const gestures = await loadCampaignGestures(trx, { territoryId, from: row.starts_on, to: until, notAwardedIn: row.id });
    // Lottery mode: awards are points (chances), not money; the budget pays the prizes, so it caps no point.
    const rules: Campaign = lottery ? { ...campaign, budgetCents: Number.MAX_SAFE_INTEGER } : campaign;
    const spent = await spentSoFar(trx, row.id, lottery ? 0 : campaign.budgetCents - budgetLeft);
    const byId = new Map(gestures.map((g) => [g.id, g]));
    const settled: Payout[] = [];
    for (const p of applyCaps(rules, gestures, spent)) {
      const later = mayStillEarn(campaign, byId.get(p.gestureId)!, p);
      if (later === 'budget') budgetCut = true;
      if (later === null) settled.push(p);
    }
    // Payouts are posted in the order of the wallets they credit, not of the gestures: every settlement (of any
    // campaign, in any process) then locks wallet rows in one global order, so two of them cannot deadlock.
    const toPay = lottery ? [] : settled.filter((p) => p.paidCents > 0).sort((a, b) => byWallet(a, b));
    const transactions = new Map<string, string>();
    for (const p of toPay) {
      // applyCaps never pays beyond what the ledger says remains; the check is here so a bug cannot overspend.
      if (p.paidCents > budgetLeft) throw new Error(`Campaign ${row.id}: payout above the budget left.`);
      const tx = await postTransaction(trx, {
        territoryId,
        key: `payout:${row.id}:${p.gestureId}`,
        kind: 'payout',
        entries: [{ account: budget, cents: -p.paidCents }, { account: walletAccount(p.personId), cents: p.paidCents }],
        memo: { campaignId: row.id, gestureId: p.gestureId },
      });
      transactions.set(p.gestureId, tx.id);
      budgetLeft -= p.paidCents;
      paidCents += p.paidCents;
      if (p.cappedBy.includes('budget')) budgetCut = true;
    }
    awarded = settled.filter((p) => p.paidCents > 0).length;
    for (let i = 0; i < settled.length; i += 500) {
      await trx
        .insertInto('campaign_awards')
        .values(
          settled.slice(i, i + 500).map((p) => ({
            campaign_id: row.id,
            gesture_id: p.gestureId,
            territory_id: territoryId,
            user_id: p.personId,
            occurred_on: p.occurredOn,
            alone_cents: p.aloneCents,
            awarded_cents: p.paidCents,
            caps_bit: p.cappedBy,
            transaction_id: transactions.get(p.gestureId) ?? null,
          })),
        )
        .execute();
    }
  }
  let draws = 0;
  if (lottery) {
    const drawn = await drawEndedWeeks(trx, row, now, budgetLeft);
    draws = drawn.draws;
    paidCents += drawn.paidCents;
    budgetLeft -= drawn.paidCents;
  }
  return { awarded, paidCents, exhausted: budgetLeft === 0 || budgetCut, held, draws };
}

/** Settles one campaign of the territory in its own transaction. Idempotent: a second call pays nothing new. */
export async function settleCampaign(deps: { db: Database; clock: Clock }, territoryId: string, campaignId: string): Promise<SettleResult> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, territoryId, campaignId);
    return settleInTransaction(trx, row, deps.clock.now());
  });
}
