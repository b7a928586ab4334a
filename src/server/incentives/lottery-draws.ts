/** @module Lottery mode in the database: seeds committed at launch for every week, the weekly draw once the week has ended and its grace period passed, prizes paid from the budget, draws published. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor, Transaction } from '../core/database/schema.ts';
import { localDate, weekStart } from '../core/time-of-day.ts';
import { recordAudit } from '../audit/index.ts';
import { BACKFILL_DAYS } from '../impact/index.ts';
import { budgetAccount, walletAccount, type CampaignRow } from './campaign-store.ts';
import { postTransaction } from './ledger-store.ts';
import { commitSeed, createSeed, drawWinners } from './lottery.ts';
import { cryptoRandom, randomHex, type Random } from '../core/random.ts';
import type { DrawView, Winner } from './schemas.ts';

// Protocol (docs/incentives.md): the seed of every week is drawn and its SHA-256 commitment published at
// launch, before any week starts; the seed itself stays in lottery_draws.seed and is shown only once the
// week is drawn. Participants are published under tickets — random labels drawn at the draw, never user ids
// and never a hash of one (user ids are small sequential numbers: any hash of them could be reversed by
// trying them all). The order of the list, which the draw walks, does not depend on the tickets: people come
// in the order of their first awarded gesture of the week (gesture ids are sequential), a fact recorded before
// the seed is revealed. Anyone can then check SHA-256(seed) = commitment and rerun drawWinners over the list.

/** What lottery_draws.participants holds: the public list plus, for "my ticket", whose ticket it is (never shown). */
interface StoredParticipant {
  ticket: string;
  points: number;
  userId: string;
}

export type { DrawView, Winner } from './schemas.ts';

/**
 * Days a week waits after its Sunday before it is drawn: as far back as a shift or a mode switch can be recorded
 * (BACKFILL_DAYS), so a gesture of the week recorded late, or a held carpool cleared meanwhile, still brings chances.
 */
export const GRACE_DAYS = BACKFILL_DAYS;

/** The first local date on which the week starting `weekStart` (a Monday) is drawn: its Monday + 7 + GRACE_DAYS. */
export function drawDateOf(weekStart: string): string {
  return addDays(weekStart, 7 + GRACE_DAYS);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Mondays of the ISO weeks the campaign touches, first to last. */
export function campaignWeeks(startsOn: string, endsOn: string): string[] {
  const weeks: string[] = [];
  for (let w = weekStart(startsOn); w <= endsOn; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/**
 * At launch: a fresh secret seed per week, its commitment public from now on. Idempotent per week. Only weeks
 * that start after the launch day get one: a seed drawn once a week has begun (participants partly known) could
 * be drawn again until it suits, so a lottery launched mid-week draws from the next Monday on.
 */
export async function commitSeeds(trx: Transaction, row: CampaignRow, now: Date, random: Random = cryptoRandom): Promise<number> {
  const today = localDate(now);
  const values = campaignWeeks(row.starts_on, row.ends_on).filter((week) => week > today).map((week) => {
    const seed = createSeed(random);
    return { territory_id: row.territory_id, campaign_id: row.id, week_start: week, seed, seed_commitment: commitSeed(seed), committed_at: now };
  });
  if (values.length === 0) return 0;
  const inserted = await trx.insertInto('lottery_draws').values(values).onConflict((oc) => oc.columns(['campaign_id', 'week_start']).doNothing()).returning('id').execute();
  return inserted.length;
}

/** A short random label, unique within the list. */
function newTicket(taken: Set<string>, random: Random): string {
  for (;;) {
    const ticket = randomHex(random, 6);
    if (!taken.has(ticket)) {
      taken.add(ticket);
      return ticket;
    }
  }
}

/**
 * Draws every week that has ended GRACE_DAYS ago or more (by the clock, in local dates) and is not drawn yet, oldest first, inside
 * the settlement's transaction (the campaign and budget rows are locked). Points are the campaign's awards of
 * the week's gestures settled so far; a gesture settled after its week was drawn brings no chance.
 * Each winner is paid the prize from the budget, truncated to what remains (0 once it is spent).
 */
export async function drawEndedWeeks(trx: Transaction, row: CampaignRow, now: Date, budgetLeft: number, random: Random = cryptoRandom): Promise<{ draws: number; paidCents: number }> {
  const today = localDate(now);
  const pending = await trx
    .selectFrom('lottery_draws')
    .selectAll()
    .where('campaign_id', '=', row.id)
    .where('drawn_at', 'is', null)
    // The week is over and its grace period too: today ≥ Monday + 7 + GRACE_DAYS.
    .where('week_start', '<=', addDays(today, -(7 + GRACE_DAYS)))
    .orderBy('week_start')
    .forUpdate()
    .execute();
  let left = budgetLeft;
  let paidCents = 0;
  const prizes: { userId: string; cents: number; key: string; memo: Record<string, string> }[] = [];
  for (const draw of pending) {
    if (draw.seed === null) throw new Error(`Lottery draw ${draw.id} has no seed.`);
    const people = await trx
      .selectFrom('campaign_awards')
      .select((eb) => ['user_id', eb.fn.sum<string>('awarded_cents').as('points'), eb.fn.min<string>('gesture_id').as('first')])
      .where('campaign_id', '=', row.id)
      .where('awarded_cents', '>', 0)
      .where('occurred_on', '>=', draw.week_start)
      .where('occurred_on', '<=', addDays(draw.week_start, 6))
      .groupBy('user_id')
      .execute();
    people.sort((a, b) => Number(a.first) - Number(b.first));
    const taken = new Set<string>();
    const participants: StoredParticipant[] = people.map((p) => ({ ticket: newTicket(taken, random), points: Number(p.points), userId: p.user_id }));
    const drawn = drawWinners(draw.seed, participants.map((p) => ({ id: p.ticket, points: p.points })), row.winners_per_week ?? 0);
    const winners: Winner[] = [];
    for (const ticket of drawn) {
      const person = participants.find((p) => p.ticket === ticket)!;
      const cents = Math.min(row.prize_cents ?? 0, left);
      if (cents > 0) prizes.push({ userId: person.userId, cents, key: `lottery:${draw.id}:${ticket}`, memo: { campaignId: row.id, drawId: draw.id, weekStart: draw.week_start, ticket } });
      left -= cents;
      paidCents += cents;
      winners.push({ ticket, cents });
    }
    await trx
      .updateTable('lottery_draws')
      .set({ participants: JSON.stringify(participants), winners: JSON.stringify(winners), drawn_at: now })
      .where('id', '=', draw.id)
      .execute();
    await recordAudit(trx, {
      territoryId: row.territory_id,
      actorId: null,
      action: 'campaign.draw_revealed',
      subjectType: 'campaign',
      subjectId: row.id,
      details: { weekStart: draw.week_start, participants: participants.length, winners: winners.length, paidCents: winners.reduce((s, w) => s + w.cents, 0) },
      at: now,
    });
  }
  // Posted in wallet order, like payouts (settle-campaign.ts), so settlements never deadlock on wallet rows.
  prizes.sort((a, b) => (walletAccount(a.userId) < walletAccount(b.userId) ? -1 : walletAccount(a.userId) > walletAccount(b.userId) ? 1 : a.key < b.key ? -1 : 1));
  for (const prize of prizes) {
    await postTransaction(trx, {
      territoryId: row.territory_id,
      key: prize.key,
      kind: 'lottery_prize',
      entries: [{ account: budgetAccount(row.id), cents: -prize.cents }, { account: walletAccount(prize.userId), cents: prize.cents }],
      memo: prize.memo,
    });
  }
  return { draws: pending.length, paidCents };
}

/** The campaign's draws, public: the commitment always; seed, participants (tickets only) and winners once drawn. */
export async function listDraws(db: Executor, campaignId: string, viewer: Viewer | null): Promise<DrawView[]> {
  const rows = await db.selectFrom('lottery_draws').selectAll().where('campaign_id', '=', campaignId).orderBy('week_start').execute();
  return rows.map((d) => {
    const drawn = d.drawn_at !== null;
    const stored = drawn ? (d.participants as StoredParticipant[]) : null;
    return {
      weekStart: d.week_start,
      drawsOn: drawDateOf(d.week_start),
      seedCommitment: d.seed_commitment,
      // The seed exists from the launch, but revealing it before the draw would let anyone predict the winners.
      seed: drawn ? d.seed : null,
      participants: stored?.map((p) => ({ ticket: p.ticket, points: p.points })) ?? null,
      winners: drawn ? (d.winners as Winner[]) : null,
      drawnAt: d.drawn_at?.toISOString() ?? null,
      myTicket: (viewer && stored?.find((p) => p.userId === viewer.userId)?.ticket) ?? null,
    };
  });
}
