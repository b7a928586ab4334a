/** @module What waits for an operator in volunteering, counted for the home page's to-do list: organisations and missions to validate. */
import type { Executor } from '../core/database/schema.ts';

export async function countVolunteeringToDo(db: Executor, territoryId: string): Promise<{ organisations: number; missions: number }> {
  const organisations = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('territory_id', '=', territoryId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const missions = await db
    .selectFrom('missions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('territory_id', '=', territoryId)
    .where('status', '=', 'awaiting_validation')
    .executeTakeFirstOrThrow();
  return { organisations: Number(organisations.n), missions: Number(missions.n) };
}

/** Volunteers marked present at missions that ended in [from, to) (instants), and how many distinct people they are. */
export async function countAttendances(db: Executor, territoryId: string, from: Date, to: Date): Promise<{ attendances: number; people: number }> {
  const row = await db
    .selectFrom('participations as p')
    .innerJoin('missions as m', 'm.id', 'p.mission_id')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('p.user_id').distinct().as('people')])
    .where('p.territory_id', '=', territoryId)
    .where('p.attendance', '=', 'present')
    .where('m.ends_at', '>=', from)
    .where('m.ends_at', '<', to)
    .executeTakeFirstOrThrow();
  return { attendances: Number(row.n), people: Number(row.people) };
}
