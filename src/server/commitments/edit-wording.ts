/** @module The creator may correct a commitment's wording until the first signature; then it is frozen (people signed that text). */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError, invalid } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { auditActor } from '../audit/index.ts';
import { requireResident, resolveTerritory } from '../territories/index.ts';
import { canEditWording } from './lifecycle.ts';
import { loadCommitment } from './store.ts';
import type { Static } from 'typebox';
import type { WordingAnswer } from './schemas.ts';

export async function editWording(
  deps: { db: Database; clock: Clock },
  input: { slug: string; viewer: Viewer | null; id: string; wording: string; requestId: string },
): Promise<Static<typeof WordingAnswer>> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireResident(deps.db, territory, input.viewer);
  const wording = input.wording.trim();
  if (wording.length < 1 || wording.length > 500) throw invalid('/wording', 'The wording is 1 to 500 characters.');
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
      ...auditActor(input.viewer!),
      action: 'commitment.wording_changed',
      subjectType: 'commitment',
      subjectId: row.id,
      details: { before: row.wording, after: wording },
      requestId: input.requestId,
    });
    return { id: row.id, wording };
  });
}
