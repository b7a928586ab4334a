/**
 * @module A person's wallets, vouchers and shops, for their data export; on erasure the ledger keeps its history under
 * the tombstone's id (it is append-only and holds no name), and the shops they accepted vouchers for lose their account.
 */
import { sql } from 'kysely';
import type { Database, Transaction } from '../core/database/schema.ts';
import { describeLines, walletLines, type WalletLine } from './wallet-view.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export interface WalletExport {
  wallets: { territory: string; balanceCents: number; history: WalletLine[] }[];
  vouchers: { territory: string; code: string; cents: number; merchant: string; issuedAt: Date; redeemedAt: Date | null }[];
  shops: { territory: string; id: string; name: string; active: boolean }[];
  /** What each of the person's gestures earned under each campaign: cents (payout mode) or points (lottery mode). */
  awards: { territory: string; campaign: string; mode: string; gestureId: string; occurredOn: string; aloneCents: number; awardedCents: number; capsBit: string[] }[];
  /** The person's tickets in lottery draws (their user id is stored next to the ticket, never published). */
  lotteryTickets: { territory: string; campaign: string; weekStart: string; ticket: string; points: number; drawnAt: Date | null }[];
}

export async function exportWalletData(db: Database, userId: string): Promise<WalletExport> {
  const accounts = await db
    .selectFrom('ledger_accounts as a')
    .innerJoin('territories as t', 't.id', 'a.territory_id')
    .select(['a.territory_id', 't.slug', 'a.balance_cents'])
    .where('a.account', '=', `wallet:${userId}`)
    .orderBy('t.slug')
    .execute();
  const wallets = [];
  for (const a of accounts) {
    const raw = await walletLines(db, a.territory_id, userId).execute();
    wallets.push({ territory: a.slug, balanceCents: Number(a.balance_cents), history: await describeLines(db, a.territory_id, raw) });
  }
  const [vouchers, shops] = await Promise.all([
    db
      .selectFrom('vouchers as v')
      .innerJoin('merchants as m', 'm.id', 'v.merchant_id')
      .innerJoin('territories as t', 't.id', 'v.territory_id')
      .select(['t.slug as territory', 'v.code', 'v.cents', 'm.name as merchant', 'v.issued_at as issuedAt', 'v.redeemed_at as redeemedAt'])
      .where('v.user_id', '=', userId)
      .orderBy('v.id')
      .execute(),
    db
      .selectFrom('merchants as m')
      .innerJoin('territories as t', 't.id', 'm.territory_id')
      .select(['t.slug as territory', 'm.id', 'm.name', 'm.active'])
      .where('m.user_id', '=', userId)
      .orderBy('m.id')
      .execute(),
  ]);
  const awards = await db
    .selectFrom('campaign_awards as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('territories as t', 't.id', 'a.territory_id')
    .select(['t.slug as territory', 'c.name as campaign', 'c.mode', 'a.gesture_id as gestureId', 'a.occurred_on as occurredOn', 'a.alone_cents as aloneCents', 'a.awarded_cents as awardedCents', 'a.caps_bit as capsBit'])
    .where('a.user_id', '=', userId)
    .orderBy('a.occurred_on')
    .orderBy('a.gesture_id')
    .execute();
  const draws = await db
    .selectFrom('lottery_draws as d')
    .innerJoin('campaigns as c', 'c.id', 'd.campaign_id')
    .innerJoin('territories as t', 't.id', 'd.territory_id')
    .select(['t.slug as territory', 'c.name as campaign', 'd.week_start as weekStart', 'd.participants', 'd.drawn_at as drawnAt'])
    .where(sql<boolean>`d.participants @> ${JSON.stringify([{ userId }])}::jsonb`)
    .orderBy('d.week_start')
    .execute();
  const lotteryTickets = draws.flatMap((d) =>
    ((d.participants ?? []) as { ticket: string; points: number; userId: string }[])
      .filter((p) => p.userId === userId)
      .map((p) => ({ territory: d.territory, campaign: d.campaign, weekStart: d.weekStart, ticket: p.ticket, points: p.points, drawnAt: d.drawnAt })),
  );
  return { wallets, vouchers, shops, awards, lotteryTickets };
}

/**
 * Erasure: nothing of the ledger or of the vouchers is deleted — the ledger is append-only, and its rows name only the
 * numeric id, which no longer leads to a person. A shop whose till account this was has no account until an operator
 * names another; what it is owed stays owed.
 */
export async function eraseWalletData(trx: Transaction, userId: string): Promise<void> {
  await trx.updateTable('merchants').set({ user_id: null }).where('user_id', '=', userId).execute();
}

/** Wallets, vouchers and the shops whose till account this is, in the export under `incentives`; erased with the account. */
export const incentivePersonalData: PersonalDataSource = {
  exportAt: ['incentives'],
  export: exportWalletData,
  erase: (trx, person) => eraseWalletData(trx, person.id),
};
