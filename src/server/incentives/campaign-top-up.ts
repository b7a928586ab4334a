/** @module An operator adds to a running campaign's budget (funding: → budget:), once per reference; then settles, so gestures refused by the spent budget get paid. Audited. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { budgetAccount, campaignView, fundingAccount, loadCampaign, MANAGERS } from './campaign-store.ts';
import { findTransaction, postTransaction } from './ledger-store.ts';
import { settleCampaign } from './settle-campaign.ts';
import type { TopUpResult } from './schemas.ts';

/** Largest single top-up: 1,000,000 € in cents. */
export const MAX_TOP_UP_CENTS = 100_000_000;
/** Largest budget a campaign may reach (the same bound as a campaign's budget at creation). */
export const MAX_BUDGET_CENTS = 100_000_000_00;

export type { TopUpResult } from './schemas.ts';

export const topUpKey = (campaignId: string, reference: string) => `top-up:${campaignId}:${reference}`;

/** A reference as stored: trimmed, 1 to 120 characters, else 400 `/reference`. */
export function checkReference(text: string): string {
  const reference = text.trim();
  if (reference.length < 1 || reference.length > 120) throw invalid('/reference', 'Give the reference of the decision or payment (1 to 120 characters).');
  return reference;
}

/**
 * In one transaction, under the campaign's row lock (the lock every settlement takes first): a top-up already made
 * under this reference is returned as it was; otherwise the campaign must be active (409 `not_active`), the ledger
 * moves `cents` from `funding:<territory>` to `budget:<campaign>` under `top-up:<campaign>:<reference>`, and
 * `campaigns.budget_cents` becomes the new total, so a settlement (which reads both under the same lock) computes
 * spending as budget − what the ledger says remains. Then a settlement pays what was waiting for budget.
 */
export async function topUpCampaign(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; cents: number; reference: string },
): Promise<TopUpResult> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  if (!Number.isSafeInteger(input.cents) || input.cents < 1 || input.cents > MAX_TOP_UP_CENTS) throw invalid('/cents', 'A top-up is a whole number of cents, from 1 to 100,000,000.');
  const reference = checkReference(input.reference);
  const done = await deps.db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, territory.id, input.id, true);
    const key = topUpKey(row.id, reference);
    const first = await findTransaction(trx, territory.id, key);
    if (first) {
      const cents = first.entries.find((e) => e.account === budgetAccount(row.id))?.cents ?? 0;
      return { topUp: { cents, reference, at: first.createdAt.toISOString() }, replayed: true };
    }
    if (row.status !== 'active') {
      throw new AppError('conflict', row.status === 'draft' ? 'A draft is not funded yet: change its budget instead.' : 'This campaign is closed; its budget cannot grow.', { reason: 'not_active' });
    }
    const budgetCents = Number(row.budget_cents) + input.cents;
    if (budgetCents > MAX_BUDGET_CENTS) throw invalid('/cents', 'The campaign budget would exceed 100,000,000 €.');
    const tx = await postTransaction(trx, {
      territoryId: territory.id,
      key,
      kind: 'fund',
      entries: [{ account: fundingAccount(territory.id), cents: -input.cents }, { account: budgetAccount(row.id), cents: input.cents }],
      memo: { campaignId: row.id, reference },
      actorId: actor.userId,
    });
    await trx.updateTable('campaigns').set({ budget_cents: budgetCents }).where('id', '=', row.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'campaign.topped_up',
      subjectType: 'campaign',
      subjectId: row.id,
      reason: reference,
      details: { cents: input.cents, reference, budgetCents },
      requestId,
    });
    return { topUp: { cents: input.cents, reference, at: tx.createdAt.toISOString() }, replayed: false };
  });
  // After the commit, as at launch: gestures left unpaid by the spent budget (they have no award row) are paid now.
  const settlement = await settleCampaign(deps, territory.id, input.id);
  const campaign = await campaignView(deps.db, await loadCampaign(deps.db, territory.id, input.id), deps.clock.now());
  return { ...done, settlement, campaign };
}
