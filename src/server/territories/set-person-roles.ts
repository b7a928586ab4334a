/** @module An admin grants or withdraws territory roles; audited with the reason. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database, TerritoryRole } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireTerritoryRole, resolveTerritory } from './access.ts';
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
    await trx
      .updateTable('territory_members')
      .set({ roles })
      .where('territory_id', '=', territory.id)
      .where('user_id', '=', input.userId)
      .execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'territory.roles_changed',
      subjectType: 'user',
      subjectId: input.userId,
      reason: input.reason,
      details: { before: before.roles, after: roles },
      requestId: input.requestId,
    });
    return roles;
  });
}
