/** @module Who may do what with organisations and missions: managers of an organisation, operators of the territory. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import type { TerritoryActor } from '../territories/index.ts';
import { findRoles } from '../territories/index.ts';
import type { OrganisationRow } from './store.ts';

export function isOperator(roles: readonly string[]): boolean {
  return roles.includes('operator') || roles.includes('admin');
}

export async function isManager(db: Executor, organisationId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('organisation_members').select('user_id').where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** Someone who may see an organisation that is not public (pending, refused or hidden): its managers and the territory's operators. */
export async function mayManageOrSupervise(db: Executor, org: Pick<OrganisationRow, 'id' | 'territory_id'>, viewer: Viewer | null): Promise<{ manager: boolean; operator: boolean }> {
  if (!viewer) return { manager: false, operator: false };
  const [manager, roles] = await Promise.all([isManager(db, org.id, viewer.userId), findRoles(db, org.territory_id, viewer.userId)]);
  return { manager, operator: roles !== null && isOperator(roles) };
}

/** A public organisation: validated and not hidden by moderation. */
export function isPublicOrganisation(org: Pick<OrganisationRow, 'status' | 'hidden_at'>): boolean {
  return org.status === 'validated' && org.hidden_at === null;
}

/** The actor must manage the organisation; a resident who does not gets 403 (the organisation itself may be public). */
export async function requireManager(db: Executor, actor: TerritoryActor, organisationId: string): Promise<void> {
  if (!(await isManager(db, organisationId, actor.userId))) {
    throw new AppError('forbidden', 'Only the organisation’s managers do this.', { reason: 'not_manager' });
  }
}
