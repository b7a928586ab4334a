/** @module Campaign lifecycle: draft (create, edit), launch (fund the budget, commit lottery seeds), close; reading with drafts for operators only. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { checkCampaignInput, type CampaignInput } from './campaign-input.ts';
import { guardCampaignView, type ShownCampaignView } from './guard-campaign-view.ts';
import { budgetAccount, campaignView, fundingAccount, loadCampaign, managesCampaigns, MANAGERS, type CampaignView } from './campaign-store.ts';
import { postTransaction } from './ledger-store.ts';
import { commitSeeds } from './lottery-draws.ts';
import type { Random } from '../core/random.ts';
import { settleCampaign } from './settle-campaign.ts';

/** `random` draws the lottery seeds: the crypto generator unless a test passes a seeded one. */
type CampaignDeps = Pick<Deps, 'db' | 'clock'> & { config: Pick<Deps['config'], 'privacyMinGroup'>; random?: Random | undefined };

function columns(input: CampaignInput & { name: string }) {
  const lottery = input.mode === 'lottery';
  return {
    name: input.name,
    mode: input.mode,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    budget_cents: input.budgetCents,
    rules: JSON.stringify(input.rules),
    // Payout mode has no prize: the fields are dropped rather than stored unused.
    prize_cents: lottery ? (input.prizeCents ?? null) : null,
    winners_per_week: lottery ? (input.winnersPerWeek ?? null) : null,
  };
}

export async function createCampaign(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, campaign: CampaignInput): Promise<{ id: string }> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  const valid = checkCampaignInput(campaign);
  return deps.db
    .insertInto('campaigns')
    .values({ territory_id: territory.id, created_by: actor.userId, ...columns(valid) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Edits a draft; a launched campaign's rules are fixed (people were told them): 409 `not_draft`. */
export async function updateCampaign(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { id: string; campaign: CampaignInput }): Promise<CampaignView> {
  await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  const valid = checkCampaignInput(input.campaign);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, territory.id, input.id, true);
    if (row.status !== 'draft') throw new AppError('conflict', 'Only a draft can be edited; this campaign is launched.', { reason: 'not_draft' });
    const updated = await trx.updateTable('campaigns').set(columns(valid)).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    return campaignView(trx, updated, deps.clock.now());
  });
}

export async function listCampaigns(deps: CampaignDeps, { territory, viewer }: RequestScope): Promise<ShownCampaignView[]> {
  const manager = await managesCampaigns(deps.db, territory, viewer);
  let q = deps.db.selectFrom('campaigns').selectAll().where('territory_id', '=', territory.id);
  if (!manager) q = q.where('status', '<>', 'draft');
  const rows = await q.orderBy('starts_on', 'desc').orderBy('id', 'desc').limit(200).execute();
  const now = deps.clock.now();
  const views: ShownCampaignView[] = [];
  for (const row of rows) views.push(guardCampaignView(await campaignView(deps.db, row, now), manager, deps.config.privacyMinGroup));
  return views;
}

/** A campaign as the viewer may see it: active and closed ones are public (the money is public), drafts are 404 to all but operators. */
export async function visibleCampaign(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { id: string }) {
  const row = await loadCampaign(deps.db, territory.id, input.id);
  if (row.status === 'draft' && !(await managesCampaigns(deps.db, territory, viewer))) throw notFound('Campaign');
  return { territory, row };
}

export async function getCampaign(deps: CampaignDeps, scope: RequestScope, input: { id: string }): Promise<ShownCampaignView> {
  const { viewer } = scope;
  const { territory, row } = await visibleCampaign(deps, scope, input);
  const manager = await managesCampaigns(deps.db, territory, viewer);
  return guardCampaignView(await campaignView(deps.db, row, deps.clock.now()), manager, deps.config.privacyMinGroup);
}

/**
 * Launch, in one transaction: the draft is locked and becomes active, its budget is funded from the territory
 * (`fund:<id>`, funding: → budget:), a lottery commits the seed of every week, and it is audited. Then the
 * gestures already recorded in the period are settled. A second launch (or a concurrent one) is 409 `not_draft`.
 */
export async function launchCampaign(deps: CampaignDeps, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<CampaignView> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, territory.id, input.id, true);
    if (row.status !== 'draft') throw new AppError('conflict', 'This campaign is already launched.', { reason: 'not_draft' });
    // Rules are checked again: a draft stored before a rule tightened must not go live unchecked.
    checkCampaignInput({
      name: row.name,
      mode: row.mode,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      budgetCents: Number(row.budget_cents),
      rules: row.rules as CampaignInput['rules'],
      ...(row.prize_cents !== null ? { prizeCents: row.prize_cents } : {}),
      ...(row.winners_per_week !== null ? { winnersPerWeek: row.winners_per_week } : {}),
    });
    const now = deps.clock.now();
    const launched = await trx.updateTable('campaigns').set({ status: 'active', launched_at: now }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    const budgetCents = Number(row.budget_cents);
    await postTransaction(trx, {
      territoryId: territory.id,
      key: `fund:${row.id}`,
      kind: 'fund',
      entries: [{ account: fundingAccount(territory.id), cents: -budgetCents }, { account: budgetAccount(row.id), cents: budgetCents }],
      memo: { campaignId: row.id },
      actorId: actor.userId,
    });
    const weeks = launched.mode === 'lottery' ? await commitSeeds(trx, launched, now, deps.random) : 0;
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'campaign.launched',
      subjectType: 'campaign',
      subjectId: row.id,
      details: { budgetCents, mode: row.mode, startsOn: row.starts_on, endsOn: row.ends_on, lotteryWeeks: weeks },
      requestId,
    });
  });
  await settleCampaign(deps, territory.id, input.id);
  return campaignView(deps.db, await loadCampaign(deps.db, territory.id, input.id), deps.clock.now());
}

/**
 * Close: no more payouts or draws. What remains stays on the campaign's budget account, so its books read
 * "funded X, paid Y, Z left" for good; returning it to the territory would be a separate, explicit transaction.
 */
export async function closeCampaign(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<CampaignView> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, territory.id, input.id, true);
    if (row.status !== 'active') {
      throw new AppError('conflict', row.status === 'draft' ? 'A draft is not running; launch it or leave it.' : 'This campaign is already closed.', { reason: 'not_active' });
    }
    const now = deps.clock.now();
    const closed = await trx.updateTable('campaigns').set({ status: 'closed', closed_at: now }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { territoryId: territory.id, actorId: actor.userId, action: 'campaign.closed', subjectType: 'campaign', subjectId: row.id, requestId });
    return campaignView(trx, closed, now);
  });
}

/** The settle route: operators ask for a settlement now (the periodic job does it anyway). */
export async function settleNow(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { id: string }) {
  await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  const row = await loadCampaign(deps.db, territory.id, input.id);
  if (row.status !== 'active') throw new AppError('conflict', 'Only a running campaign is settled.', { reason: 'not_active' });
  return settleCampaign(deps, territory.id, row.id);
}
