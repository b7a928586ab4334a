/** @module A person's territories and roles, for their data export; erasure removes them from every territory. */
import type { Database } from '../core/database/schema.ts';
import type { PersonalDataSource } from '../core/personal-data.ts';

export function exportTerritoryMemberships(db: Database, userId: string) {
  return db
    .selectFrom('territory_members as m')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .select(['t.slug', 't.name', 'm.roles', 'm.commune_code as communeCode', 'm.joined_at as joinedAt'])
    .where('m.user_id', '=', userId)
    .execute();
}

export const territoryPersonalData: PersonalDataSource = {
  exportAt: ['territories'],
  export: exportTerritoryMemberships,
  erase: async (trx, person) => {
    await trx.deleteFrom('territory_members').where('user_id', '=', person.id).execute();
  },
};
