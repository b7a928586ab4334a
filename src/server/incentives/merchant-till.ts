/** @module The account at a shop's till: found by e-mail among the territory's members, given or relieved of the merchant role (audited). */
import type { Executor } from '../core/database/schema.ts';
import type { TerritoryRole } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { normaliseEmail } from '../accounts/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { grantRole, withdrawRole } from '../territories/index.ts';

export interface TillMember {
  user_id: string;
  roles: TerritoryRole[];
}

/** The member of the territory with this e-mail (row locked), else 400 `/accountEmail` `not_a_member`. */
export async function requireMemberByEmail(trx: Executor, territory: TerritoryRef, email: string): Promise<TillMember> {
  const member = await trx
    .selectFrom('territory_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['tm.user_id', 'tm.roles'])
    .where('tm.territory_id', '=', territory.id)
    .where('u.email', '=', normaliseEmail(email))
    .where('u.deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!member) {
    throw new AppError('invalid', `No member of ${territory.name} has this e-mail address; they must join the territory first.`, { field: '/accountEmail', reason: 'not_a_member' });
  }
  return member;
}

interface RoleChange {
  territory: TerritoryRef;
  actorId: string;
  requestId: string;
  /** Why, in the audit log ("accepts vouchers for shop 12"). */
  reason: string;
}

/** Gives the member the merchant role unless they hold it (territories' `grantRole`, audited as `territory.roles_changed`). */
export async function grantMerchantRole(trx: Executor, member: TillMember, change: RoleChange): Promise<void> {
  if (member.roles.includes('merchant')) return;
  await grantRole(trx, { territoryId: change.territory.id, userId: member.user_id, role: 'merchant', actorId: change.actorId, reason: change.reason, requestId: change.requestId });
}

/**
 * Takes the merchant role from `userId` when they are no longer the till account of any shop of the territory
 * (open or closed: a closed shop's account still reads what it is owed on `GET /my-shops`). Audited.
 */
export async function releaseMerchantRole(trx: Executor, userId: string, change: RoleChange): Promise<void> {
  const other = await trx.selectFrom('merchants').select('id').where('territory_id', '=', change.territory.id).where('user_id', '=', userId).limit(1).executeTakeFirst();
  if (other) return;
  await withdrawRole(trx, { territoryId: change.territory.id, userId, role: 'merchant', actorId: change.actorId, reason: change.reason, requestId: change.requestId });
}
