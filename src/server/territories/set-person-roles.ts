/** @module An admin grants or withdraws territory roles; audited with the reason. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database, TerritoryRole } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import { requireTerritoryRole, resolveTerritory } from './access.ts';
import { changeMemberRoles } from './change-roles.ts';
import { normaliseRoles } from './model.ts';

export async function setPersonRoles(
  db: Database,
  input: { slug: string; viewer: Viewer | null; userId: string; roles: TerritoryRole[]; reason: string; requestId: string },
): Promise<TerritoryRole[]> {
  const territory = await resolveTerritory(db, input.slug);
  const actor = await requireTerritoryRole(db, territory, input.viewer, ['admin']);
  const roles = normaliseRoles(input.roles);
  if (input.userId === actor.userId && !roles.includes('admin')) {
    throw new AppError('conflict', 'You cannot withdraw your own admin role; ask another admin.');
  }
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('territory_members')
      .select('roles')
      .where('territory_id', '=', territory.id)
      .where('user_id', '=', input.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('Resident');
    await changeMemberRoles(trx, {
      territoryId: territory.id,
      userId: input.userId,
      before: before.roles,
      after: roles,
      actorId: actor.userId,
      reason: input.reason,
      requestId: input.requestId,
    });
    return roles;
  });
}
