/** @module Staff access to one resident's account record: needs a stated reason, always audited; never their private communities. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { statedReason } from '../audit/index.ts';
import { requireTerritoryRole } from './access.ts';
import { STAFF_ROLES } from './model.ts';
import type { PersonRecord } from './schemas.ts';

export async function viewPerson(
  { db }: Pick<Deps, 'db'>,
  { territory, viewer, requestId }: RequestScope,
  input: { userId: string; reason: string },
): Promise<PersonRecord> {
  const actor = await requireTerritoryRole(db, territory, viewer, STAFF_ROLES);
  const reason = statedReason(input.reason);
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('territory_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.display_name', 'u.email', 'm.roles', 'm.commune_code', 'm.joined_at'])
      .where('m.territory_id', '=', territory.id)
      .where('m.user_id', '=', input.userId)
      .where('u.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!person) throw notFound('Resident');
    const communities = await trx
      .selectFrom('community_members as cm')
      .innerJoin('communities as c', 'c.id', 'cm.community_id')
      .select(['c.id', 'c.name', 'cm.role', 'cm.status'])
      .where('cm.territory_id', '=', territory.id)
      .where('cm.user_id', '=', input.userId)
      // Belonging to a private community is the person's and its members' business, not the territory's staff's.
      .where('c.visibility', '=', 'public')
      .orderBy('c.name')
      .execute();
    // The access itself is the audited fact, committed with the read.
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'personal_data.viewed',
      subjectType: 'user',
      subjectId: input.userId,
      reason,
      details: { what: 'person_record', people: [input.userId] },
      requestId: requestId,
    });
    return {
      userId: person.id,
      displayName: person.display_name,
      email: person.email,
      roles: person.roles,
      communeCode: person.commune_code,
      joinedAt: person.joined_at,
      communities,
    };
  });
}
