/** @module After closing, an operator returns what remains of a campaign's budget to the territory (budget: → funding:), once per campaign. Audited. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { checkReference } from './campaign-top-up.ts';
import { budgetAccount, campaignView, fundingAccount, loadCampaign, MANAGERS } from './campaign-store.ts';
import { balanceOf, findTransaction, postTransaction } from './ledger-store.ts';
import type { ReturnResult } from './schemas.ts';

export type { ReturnResult } from './schemas.ts';

export const returnKey = (campaignId: string) => `return:${campaignId}`;

/**
 * In one transaction, the campaign row then its budget row locked: the campaign must be closed (409 `not_closed`);
 * a return already made is given back as it was (whatever reference the retry names); otherwise the whole balance of
 * `budget:<campaign>` goes to `funding:<territory>` under `return:<campaign>` — nothing left is 409 `nothing_left`.
 */
export async function returnRemainder(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; reference: string },
): Promise<ReturnResult> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, MANAGERS);
  const reference = checkReference(input.reference);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, territory.id, input.id, true);
    if (row.status !== 'closed') throw new AppError('conflict', 'Close the campaign before returning what remains of its budget.', { reason: 'not_closed' });
    const budget = budgetAccount(row.id);
    const left = await balanceOf(trx, territory.id, budget, true);
    const first = await findTransaction(trx, territory.id, returnKey(row.id));
    if (first) {
      const cents = -(first.entries.find((e) => e.account === budget)?.cents ?? 0);
      return { returned: { cents, reference: first.memo.reference ?? '', at: first.createdAt.toISOString() }, replayed: true, campaign: await campaignView(trx, row, deps.clock.now()) };
    }
    if (left <= 0) throw new AppError('conflict', 'Nothing remains of this campaign’s budget.', { reason: 'nothing_left' });
    const tx = await postTransaction(trx, {
      territoryId: territory.id,
      key: returnKey(row.id),
      kind: 'fund',
      entries: [{ account: budget, cents: -left }, { account: fundingAccount(territory.id), cents: left }],
      memo: { campaignId: row.id, reference },
      actorId: actor.userId,
    });
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'campaign.budget_returned',
      subjectType: 'campaign',
      subjectId: row.id,
      reason: reference,
      details: { cents: left, reference },
      requestId,
    });
    return { returned: { cents: left, reference, at: tx.createdAt.toISOString() }, replayed: false, campaign: await campaignView(trx, row, deps.clock.now()) };
  });
}
