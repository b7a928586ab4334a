/** @module The demo territory's synthetic residents, in a stable order, with what seeds need to speak of them. */
import type { Executor } from '../core/database/schema.ts';

export interface SyntheticPerson {
  id: string;
  /** « Camille B. »: its first name says which voice texts about this person take (names.ts `voiceOf`). */
  displayName: string;
  communeCode: string | null;
}

/** The territory's synthetic residents not erased, by id (so every seed picks the same people), `limit` at most. */
export async function syntheticPeople(db: Executor, territoryId: string, limit?: number): Promise<SyntheticPerson[]> {
  let query = db
    .selectFrom('territory_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.commune_code'])
    .where('m.territory_id', '=', territoryId)
    .where('u.synthetic', '=', true)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.id');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name ?? '', communeCode: r.commune_code }));
}
