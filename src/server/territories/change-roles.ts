/**
 * @module The one way a member's territory roles are written: stored and audited (`territory.roles_changed`, with the
 * reason) in the caller's transaction. An admin's change (`set-person-roles.ts`) and a shop's till account
 * (incentives gives and takes back `merchant`) both go through here.
 */
import type { Executor, TerritoryRole } from '../core/database/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { normaliseRoles } from './model.ts';

export interface RolesChange {
  territoryId: string;
  userId: string;
  before: TerritoryRole[];
  after: TerritoryRole[];
  actorId: string;
  /** Why, in the audit log ("accepts vouchers for shop 12"). */
  reason: string;
  requestId: string;
}

export async function changeMemberRoles(trx: Executor, change: RolesChange): Promise<void> {
  await trx
    .updateTable('territory_members')
    .set({ roles: change.after })
    .where('territory_id', '=', change.territoryId)
    .where('user_id', '=', change.userId)
    .execute();
  await recordAudit(trx, {
    territoryId: change.territoryId,
    actorId: change.actorId,
    action: 'territory.roles_changed',
    subjectType: 'user',
    subjectId: change.userId,
    reason: change.reason,
    details: { before: change.before, after: change.after },
    requestId: change.requestId,
  });
}

type OneRole = Omit<RolesChange, 'before' | 'after'> & { role: TerritoryRole };

/** The member's roles, row locked; undefined when they are not a member. */
async function lockedRoles(trx: Executor, territoryId: string, userId: string): Promise<TerritoryRole[] | undefined> {
  const row = await trx.selectFrom('territory_members').select('roles').where('territory_id', '=', territoryId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
  return row?.roles;
}

/** Gives a member one role unless they hold it; false when they are not a member. */
export async function grantRole(trx: Executor, change: OneRole): Promise<boolean> {
  const before = await lockedRoles(trx, change.territoryId, change.userId);
  if (!before) return false;
  if (!before.includes(change.role)) await changeMemberRoles(trx, { ...change, before, after: normaliseRoles([...before, change.role]) });
  return true;
}

/** Takes one role from a member who holds it. */
export async function withdrawRole(trx: Executor, change: OneRole): Promise<void> {
  const before = await lockedRoles(trx, change.territoryId, change.userId);
  if (!before?.includes(change.role)) return;
  await changeMemberRoles(trx, { ...change, before, after: before.filter((role) => role !== change.role) });
}
