/**
 * @module A helper's profile: skills (the request kinds), weekdays and times of day, a radius (0 < r ≤ 50 km), and a home
 * area kept as an H3 cell (resolution 8) with its commune — the point typed in is never stored.
 */
import { sql } from 'kysely';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { invalid } from '../core/errors.ts';
import { cellCenter, toCell, type LatLng } from '../core/geo.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { communeAt } from '../territories/index.ts';
import { AID_KINDS, AID_RESOLUTION, AID_TIMES, checkRadius } from './model.ts';
import { communeNames } from './store.ts';
import type { AidKind, AidTime } from './tables.ts';
import type { HelperProfile } from './schemas.ts';

export interface HelperProfileInput {
  skills: AidKind[];
  weekdays: number[];
  times: AidTime[];
  radiusKm: number;
  home: LatLng;
}

const inOrder = <T>(all: readonly T[], chosen: readonly T[]): T[] => all.filter((x) => chosen.includes(x));

export async function getHelperProfile(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<HelperProfile | null> {
  const actor = await requireResident(deps.db, territory, viewer);
  const row = await deps.db.selectFrom('aid_helper_profiles').selectAll().where('territory_id', '=', territory.id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!row) return null;
  const names = await communeNames(deps.db, territory.id);
  return {
    skills: inOrder(AID_KINDS, row.skills),
    weekdays: [...row.weekdays].sort((a, b) => a - b),
    times: inOrder(AID_TIMES, row.times),
    radiusKm: Number(row.radius_km),
    homeCell: row.home_cell,
    homeCellCenter: cellCenter(row.home_cell),
    communeCode: row.commune_code,
    communeName: names.get(row.commune_code) ?? row.commune_code,
    updatedAt: row.updated_at,
  };
}

export async function saveHelperProfile(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope, p: HelperProfileInput): Promise<HelperProfile> {
  const { territory, viewer } = scope;
  const actor = await requireResident(deps.db, territory, viewer);
  const radius = checkRadius(p.radiusKm);
  if (radius) throw invalid(radius.field, radius.message);
  if (p.skills.length === 0) throw invalid('/skills', 'Choose at least one way you can help.');
  const communeCode = await communeAt(deps.db, territory.id, p.home, '/home');
  const homeCell = toCell(p.home, AID_RESOLUTION);
  const now = deps.clock.now();
  const row = {
    territory_id: territory.id,
    user_id: actor.userId,
    skills: inOrder(AID_KINDS, p.skills),
    weekdays: [...new Set(p.weekdays)].sort((a, b) => a - b),
    times: inOrder(AID_TIMES, p.times),
    radius_km: p.radiusKm,
    home_cell: homeCell,
    commune_code: communeCode,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('aid_helper_profiles')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['territory_id', 'user_id']).doUpdateSet({
          skills: sql`excluded.skills`,
          weekdays: sql`excluded.weekdays`,
          times: sql`excluded.times`,
          radius_km: sql`excluded.radius_km`,
          home_cell: sql`excluded.home_cell`,
          commune_code: sql`excluded.commune_code`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer!), action: 'mutual_aid.helper_profile_saved', subjectType: 'user', subjectId: actor.userId, requestId: scope.requestId, at: now });
  });
  return (await getHelperProfile(deps, scope))!;
}

/** Stops being a helper: the profile goes; offers already made stay until withdrawn. */
export async function deleteHelperProfile(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope): Promise<void> {
  const actor = await requireResident(deps.db, territory, viewer);
  await deps.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('aid_helper_profiles').where('territory_id', '=', territory.id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (Number(gone.numDeletedRows) > 0) {
      await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer!), action: 'mutual_aid.helper_profile_deleted', subjectType: 'user', subjectId: actor.userId, requestId, at: deps.clock.now() });
    }
  });
}
