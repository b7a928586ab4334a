/** @module An admin grants or withdraws territory roles; audited with the reason. */
import type { TerritoryRole } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { requireTerritoryRole } from './access.ts';
import { changeMemberRoles } from './change-roles.ts';
import { normaliseRoles } from './model.ts';
import type { Roles } from './schemas.ts';

export async function setPersonRoles(
  { db }: Pick<Deps, 'db'>,
  { territory, viewer, requestId }: RequestScope,
  input: { userId: string; roles: TerritoryRole[]; reason: string },
): Promise<Roles['roles']> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['admin']);
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
      requestId: requestId,
    });
    return roles;
  });
}
