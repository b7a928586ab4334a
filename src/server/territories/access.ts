/** @module Who may do what in a territory: the one place territory-level permissions are decided. */
import { sql } from 'kysely';
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor, TerritoryRole } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { hasAnyRole } from './model.ts';
import { findRoles, type TerritoryRef } from './queries.ts';

export interface TerritoryActor {
  territory: TerritoryRef;
  userId: string;
  roles: TerritoryRole[];
}

/**
 * The viewer as a member of the territory holding one of `allowed` roles; 401 when anonymous,
 * 403 when not a member or without the role.
 */
export async function requireTerritoryRole(
  db: Executor,
  territory: TerritoryRef,
  viewer: Viewer | null,
  allowed: readonly TerritoryRole[],
): Promise<TerritoryActor> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const roles = await findRoles(db, territory.id, viewer.userId);
  if (!roles) throw new AppError('forbidden', `You are not a member of ${territory.name}.`);
  if (!hasAnyRole(roles, allowed)) {
    throw new AppError('forbidden', `This needs one of these roles: ${allowed.join(', ')}.`);
  }
  return { territory, userId: viewer.userId, roles };
}

/** Any member of the territory (every member holds `resident`). */
export function requireResident(db: Executor, territory: TerritoryRef, viewer: Viewer | null): Promise<TerritoryActor> {
  return requireTerritoryRole(db, territory, viewer, ['resident']);
}

/**
 * The viewer as an admin of some territory (the demo outbox, which is not one territory's); 401 when
 * anonymous, 403 for anyone else.
 */
export async function requireAdminOfATerritory(db: Executor, viewer: Viewer | null): Promise<string> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const row = await db
    .selectFrom('territory_members')
    .select('territory_id')
    .where('user_id', '=', viewer.userId)
    .where(sql<boolean>`'admin' = any(roles)`)
    .executeTakeFirst();
  if (!row) throw new AppError('forbidden', 'This needs the admin role in a territory.');
  return viewer.userId;
}
