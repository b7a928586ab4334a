/** @module A signed-in person becomes a resident of a territory (idempotent). */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, invalid } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { TerritoryRef } from './queries.ts';

/** Adds the resident role inside a transaction the caller owns (used by sign-up too). */
export async function addResident(
  trx: Executor,
  territory: TerritoryRef,
  userId: string,
  communeCode: string | null,
  requestId: string | null,
): Promise<void> {
  if (communeCode) {
    const commune = await trx
      .selectFrom('communes')
      .select('code')
      .where('territory_id', '=', territory.id)
      .where('code', '=', communeCode)
      .executeTakeFirst();
    if (!commune) throw invalid('/commune', `No commune ${communeCode} in ${territory.name}.`);
  }
  const inserted = await trx
    .insertInto('territory_members')
    .values({ territory_id: territory.id, user_id: userId, commune_code: communeCode })
    .onConflict((oc) => oc.columns(['territory_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  if (inserted) {
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: userId,
      action: 'territory.joined',
      subjectType: 'user',
      subjectId: userId,
      requestId,
    });
  }
}

export async function joinTerritory(deps: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, input: { commune: string | null }): Promise<void> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  await inUnitOfWork(deps, (work) => addResident(work.db, territory, viewer.userId, input.commune, requestId));
}
