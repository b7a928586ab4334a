/** @module Campaign rows: load (with a row lock when asked), who may see drafts, and the public view with spending read from the ledger. */
import type { Selectable } from 'kysely';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import type { CampaignsTable } from './tables.ts';
import { notFound } from '../core/errors.ts';
import { localDate } from '../core/time-of-day.ts';
import { hasAnyRole } from '../territories/index.ts';
import { findRoles, type TerritoryRef } from '../territories/index.ts';
import type { Campaign, Rule } from './campaign-rules.ts';
import { countHeldGestures } from './gesture-source.ts';
import { balanceOf } from './ledger-store.ts';
import type { CampaignView } from './schemas.ts';

export type CampaignRow = Selectable<CampaignsTable>;

export type { CampaignView } from './schemas.ts';

export const MANAGERS = ['operator', 'admin'] as const;

/** True when the viewer runs campaigns in this territory (sees drafts, writes). */
export async function managesCampaigns(db: Executor, territory: TerritoryRef, viewer: Viewer | null): Promise<boolean> {
  if (!viewer) return false;
  const roles = await findRoles(db, territory.id, viewer.userId);
  return roles !== null && hasAnyRole(roles, MANAGERS);
}

export const budgetAccount = (campaignId: string) => `budget:${campaignId}` as const;
export const fundingAccount = (territoryId: string) => `funding:${territoryId}` as const;
export const walletAccount = (userId: string) => `wallet:${userId}` as const;

/** One campaign of the territory, or 404; `lock` holds the row (`for update`) until the transaction ends. */
export async function loadCampaign(db: Executor, territoryId: string, id: string, lock = false): Promise<CampaignRow> {
  let q = db.selectFrom('campaigns').selectAll().where('territory_id', '=', territoryId).where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Campaign');
  return row;
}

/** The pure model's campaign of a row. */
export function campaignOf(row: CampaignRow): Campaign {
  return { id: row.id, startsOn: row.starts_on, endsOn: row.ends_on, budgetCents: Number(row.budget_cents), rules: row.rules as Rule[] };
}

/** The last day of the campaign that has begun by `today` (a campaign pays for gestures up to today). */
export function paidUntil(row: Pick<CampaignRow, 'ends_on'>, now: Date): string {
  const today = localDate(now);
  return today < row.ends_on ? today : row.ends_on;
}

/** The budget's top-ups (`top-up:<campaign>:<reference>`) and its return (`return:<campaign>`), read from the ledger. */
async function budgetMovements(db: Executor, row: CampaignRow): Promise<{ topUps: CampaignView['topUps']; returnedCents: number }> {
  const rows = await db
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_entries as e', 'e.transaction_id', 't.id')
    .select(['t.key', 't.memo', 't.created_at', 'e.cents'])
    .where('t.territory_id', '=', row.territory_id)
    .where('t.kind', '=', 'fund')
    .where((eb) => eb.or([eb('t.key', 'like', `top-up:${row.id}:%`), eb('t.key', '=', `return:${row.id}`)]))
    .where('e.account', '=', budgetAccount(row.id))
    .orderBy('t.id')
    .execute();
  const topUps: CampaignView['topUps'] = [];
  let returnedCents = 0;
  for (const r of rows) {
    if (r.key === `return:${row.id}`) returnedCents -= Number(r.cents);
    else topUps.push({ cents: Number(r.cents), reference: (r.memo as { reference?: string }).reference ?? '', at: r.created_at.toISOString() });
  }
  return { topUps, returnedCents };
}

export async function campaignView(db: Executor, row: CampaignRow, now: Date): Promise<CampaignView> {
  const budgetCents = Number(row.budget_cents);
  const launched = row.launched_at !== null;
  const remainingCents = launched ? await balanceOf(db, row.territory_id, budgetAccount(row.id)) : budgetCents;
  const { topUps, returnedCents } = launched ? await budgetMovements(db, row) : { topUps: [], returnedCents: 0 };
  const awards = await db
    .selectFrom('campaign_awards')
    .select((eb) => [eb.fn.countAll<string>().as('gestures'), eb.fn.count<string>('user_id').distinct().as('people')])
    .where('campaign_id', '=', row.id)
    .where('awarded_cents', '>', 0)
    .executeTakeFirst();
  const until = paidUntil(row, now);
  const heldGestures = until >= row.starts_on ? await countHeldGestures(db, { territoryId: row.territory_id, from: row.starts_on, to: until }) : 0;
  return {
    id: row.id,
    name: row.name,
    mode: row.mode,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    budgetCents,
    rules: row.rules as Rule[],
    ...(row.prize_cents !== null ? { prizeCents: row.prize_cents } : {}),
    ...(row.winners_per_week !== null ? { winnersPerWeek: row.winners_per_week } : {}),
    status: row.status,
    spentCents: budgetCents - remainingCents - returnedCents,
    remainingCents,
    topUps,
    returnedCents,
    awardedGestures: Number(awards?.gestures ?? 0),
    people: Number(awards?.people ?? 0),
    heldGestures,
    launchedAt: row.launched_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}
