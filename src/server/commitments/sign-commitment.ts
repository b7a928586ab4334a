/** @module Signing: one signature per person, refused after the deadline; the commitment row is locked meanwhile. */
import type { Clock } from '../core/clock.ts';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { isUniqueViolation } from '../accounts/queries.ts';
import { requireResident, resolveTerritory } from '../territories/access.ts';
import { applySignature, refusalError, statusAt } from './lifecycle.ts';
import type { Milestone, Status } from './model.ts';
import { loadCommitment } from './store.ts';
import { requireVisible } from './view-commitment.ts';

export async function signCommitment(
  deps: { db: Database; clock: Clock },
  input: { slug: string; viewer: Viewer | null; id: string; publicName: boolean; commune?: string | undefined },
): Promise<{ status: Status; notify: Milestone[] }> {
  const { db } = deps;
  const territory = await resolveTerritory(db, input.slug);
  const actor = await requireResident(db, territory, input.viewer);
  try {
    return await db.transaction().execute(async (trx) => {
      const { row, state } = await loadCommitment(trx, territory.id, input.id, true);
      await requireVisible(trx, row, input.viewer);
      const now = deps.clock.now();
      const result = applySignature(state, { signerId: actor.userId, commune: input.commune ?? null }, now);
      if (!result.ok) throw refusalError(result.refusal);
      const signature = result.state.signatures.at(-1)!;
      await trx
        .insertInto('commitment_signatures')
        .values({ territory_id: territory.id, commitment_id: row.id, user_id: actor.userId, commune_code: signature.commune, public_name: input.publicName, signed_at: now })
        .execute();
      await trx.updateTable('commitments').set({ fired: [...result.state.fired] }).where('id', '=', row.id).execute();
      // Delivering the notifications (mail, in-app) is the next step; the milestones are recorded once here.
      return { status: statusAt(result.state.commitment, result.state.signatures, now), notify: result.notify };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'You have already signed this commitment.', { reason: 'already_signed' });
    throw error;
  }
}
