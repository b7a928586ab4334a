/**
 * @module Who may enter a signature collected offline: the active organisers of the commitment's community and the
 * territory's staff (mediators, operators, admins). Launching a commitment gives no such power: its creator signs
 * like anyone else, and people they collected on paper confirm for themselves.
 */
import type { Executor, TerritoryRole } from '../core/database/schema.ts';
import { findRoles } from '../territories/index.ts';
import type { CommitmentRow } from './store.ts';

export const OFFLINE_STAFF: readonly TerritoryRole[] = ['mediator', 'operator', 'admin'];

export async function mayEnterOffline(db: Executor, territoryId: string, row: Pick<CommitmentRow, 'community_id'>, userId: string): Promise<boolean> {
  const roles = (await findRoles(db, territoryId, userId)) ?? [];
  if (roles.length === 0) return false;
  if (roles.some((r) => OFFLINE_STAFF.includes(r))) return true;
  if (!row.community_id) return false;
  const m = await db.selectFrom('community_members').select(['role', 'status']).where('community_id', '=', row.community_id).where('user_id', '=', userId).executeTakeFirst();
  return m?.role === 'organiser' && m.status === 'active';
}
