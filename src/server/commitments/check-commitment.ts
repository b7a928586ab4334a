/** @module "Did you do it?": once a commitment is completed, each signer says whether they kept it; the last answer wins. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { requireResident } from '../territories/index.ts';
import type { Static } from 'typebox';
import { canRecordCheck, keptRate } from './kept-rate.ts';
import type { CheckAnswer } from './schemas.ts';
import { statusAt } from './lifecycle.ts';
import { loadCommitment } from './store.ts';
import { requireVisible } from './view-commitment.ts';

export async function recordCheck(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer }: RequestScope,
  input: { id: string; kept: boolean },
): Promise<Static<typeof CheckAnswer>> {
  const actor = await requireResident(deps.db, territory, viewer);
  const { row, state } = await loadCommitment(deps.db, territory.id, input.id);
  await requireVisible(deps.db, row, actor);
  if (!state.signatures.some((s) => s.signerId === actor.userId)) {
    throw new AppError('forbidden', 'Only the signers of this commitment answer whether they kept it.', { reason: 'not_signer' });
  }
  const now = deps.clock.now();
  if (!canRecordCheck(statusAt(state.commitment, state.signatures, now))) {
    throw new AppError('conflict', 'The question is asked once the action period is over, for a commitment that reached its target.', { reason: 'not_completed' });
  }
  await deps.db
    .updateTable('commitment_signatures')
    .set({ kept: input.kept, checked_at: now })
    .where('commitment_id', '=', row.id)
    .where('user_id', '=', actor.userId)
    .execute();
  const checks = await deps.db.selectFrom('commitment_signatures').select(['user_id', 'kept']).where('commitment_id', '=', row.id).where('kept', 'is not', null).execute();
  return { kept: input.kept, keptRate: keptRate(checks.map((c) => ({ signerId: c.user_id, kept: c.kept === true }))) };
}
