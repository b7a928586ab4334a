/** @module The creator may correct a commitment's wording until the first signature; then it is frozen (people signed that text). */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { auditActor } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { canEditWording } from './lifecycle.ts';
import { loadCommitment } from './store.ts';
import type { Static } from 'typebox';
import type { WordingAnswer } from './schemas.ts';

export async function editWording(
  deps: Pick<Deps, 'db'>,
  { territory, viewer, requestId }: RequestScope,
  input: { id: string; wording: string },
): Promise<Static<typeof WordingAnswer>> {
  const actor = await requireResident(deps.db, territory, viewer);
  const wording = input.wording.trim();
  if (wording.length < 1 || wording.length > 500) throw invalid('/wording', 'The wording is 1 to 500 characters.');
  // Publishes nothing: a plain transaction.
  return deps.db.transaction().execute(async (trx) => {
    // The row lock orders this edit with any signature being written at the same moment.
    const { row, state } = await loadCommitment(trx, territory.id, input.id, true);
    // Only the creator edits; to anyone else the commitment is not theirs to change (404 hides nothing new: it is public).
    if (row.created_by !== actor.userId) throw new AppError('forbidden', 'Only the person who launched this commitment can change its wording.', { reason: 'not_creator' });
    if (!canEditWording(state.signatures)) {
      throw new AppError('conflict', 'Someone has already signed this wording: it can no longer change.', { reason: 'wording_frozen', field: '/wording' });
    }
    await trx.updateTable('commitments').set({ wording }).where('id', '=', row.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'commitment.wording_changed',
      subjectType: 'commitment',
      subjectId: row.id,
      details: { before: row.wording, after: wording },
      requestId,
    });
    return { id: row.id, wording };
  });
}
