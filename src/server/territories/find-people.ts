/**
 * @module Admins find people of the territory by name or e-mail, and list who holds each staff role: both show names and
 * e-mails, so both are staff reads with a stated reason, audited `personal_data.viewed` with the ids shown.
 */
import { sql } from 'kysely';
import type { TerritoryRole } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { invalid } from '../core/errors.ts';
import { auditStaffRead, statedReason } from '../audit/index.ts';
import { requireTerritoryRole } from './access.ts';
import type { PersonSummary } from './schemas.ts';

const LIMIT = 20;
/** The roles an admin gives and takes; `resident` is everyone's. */
const HELD_ROLES: readonly TerritoryRole[] = ['admin', 'operator', 'mediator', 'merchant'];

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findPeople({ db, clock }: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { q: string; reason: string }): Promise<{ items: PersonSummary[] }> {
  await requireTerritoryRole(db, territory, viewer, ['admin']);
  const reason = statedReason(input.reason);
  const q = input.q.trim();
  if (q.length < 2) throw invalid('/query/q', 'Type at least two characters of a name or an e-mail address.');
  const pattern = `%${escapeLike(q.toLowerCase())}%`;
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('territory_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.display_name', 'u.email', 'm.roles'])
      .where('m.territory_id', '=', territory.id)
      .where('u.deleted_at', 'is', null)
      .where((eb) => eb.or([eb(sql`lower(u.display_name)`, 'like', pattern), eb(sql`lower(u.email)`, 'like', pattern)]))
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(LIMIT)
      .execute();
    const items = rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email, roles: r.roles }));
    await auditStaffRead(trx, { territoryId: territory.id, viewer: viewer!, reason, what: 'people_search', subjectType: 'territory', subjectId: territory.id, people: items.map((i) => i.userId), requestId, at: clock.now() });
    return { items };
  });
}

export async function listRoleHolders({ db, clock }: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { reason: string }): Promise<{ items: PersonSummary[] }> {
  await requireTerritoryRole(db, territory, viewer, ['admin']);
  const reason = statedReason(input.reason);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('territory_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.display_name', 'u.email', 'm.roles'])
      .where('m.territory_id', '=', territory.id)
      .where('u.deleted_at', 'is', null)
      .where(sql<boolean>`m.roles && ${sql.lit(`{${HELD_ROLES.join(',')}}`)}::text[]`)
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(500)
      .execute();
    const items = rows.map((r) => ({ userId: r.id, displayName: r.display_name, email: r.email, roles: r.roles }));
    await auditStaffRead(trx, { territoryId: territory.id, viewer: viewer!, reason, what: 'role_holders', subjectType: 'territory', subjectId: territory.id, people: items.map((i) => i.userId), requestId, at: clock.now() });
    return { items };
  });
}
