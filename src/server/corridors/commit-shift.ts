/** @module A resident commits to leave in another slot on given days, then records each day they did. */
import { AppError, invalid, notFound } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { isoWeekday, localDate } from '../core/time-of-day.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { currentFactors } from '../impact/index.ts';
import { othersThisWeek } from '../impact/index.ts';
import { recordGesture } from '../impact/index.ts';
import { BACKFILL_DAYS } from '../impact/index.ts';
import { requireResident } from '../territories/index.ts';
import { delaySavedForGestures } from './delay-saved.ts';
import { listCorridorRows } from './queries.ts';
import type { Commitment, CommitmentInput, RecordedShift } from './schemas.ts';

export type { CommitmentInput } from './schemas.ts';

/** Creates (or replaces) the viewer's commitment on this corridor and period. */
export async function commitShift(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer }: RequestScope,
  input: { corridorId: string; commitment: CommitmentInput },
): Promise<{ id: string }> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const [corridor] = await listCorridorRows(db, territory.id, input.corridorId);
  if (!corridor) throw notFound('Corridor');
  const c = input.commitment;
  const slots = corridor[c.period].demand.length;
  if (c.fromSlot >= slots) throw invalid('/fromSlot', `This period has ${slots} slots (0 to ${slots - 1}).`);
  if (c.toSlot >= slots) throw invalid('/toSlot', `This period has ${slots} slots (0 to ${slots - 1}).`);
  if (c.toSlot === c.fromSlot) throw invalid('/toSlot', 'Choose another slot than the usual one.');
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('shift_commitments')
      .set({ ended_at: deps.clock.now() })
      .where('user_id', '=', actor.userId)
      .where('corridor_id', '=', corridor.id)
      .where('period', '=', c.period)
      .where('ended_at', 'is', null)
      .execute();
    return trx
      .insertInto('shift_commitments')
      .values({ territory_id: territory.id, user_id: actor.userId, corridor_id: corridor.id, period: c.period, from_slot: c.fromSlot, to_slot: c.toSlot, weekdays: [...c.weekdays].sort() })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
}

export async function endCommitment(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope, input: { commitmentId: string }): Promise<void> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const ended = await db
    .updateTable('shift_commitments')
    .set({ ended_at: deps.clock.now() })
    .where('id', '=', input.commitmentId)
    .where('territory_id', '=', territory.id)
    .where('user_id', '=', actor.userId)
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!ended) throw notFound('Commitment');
}

/** "I did it today": one shift gesture per commitment and day, whatever the retries. */
export async function recordShift(deps: Deps, { territory, viewer }: RequestScope, input: { commitmentId: string; date: string }): Promise<RecordedShift> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  const commitment = await db
    .selectFrom('shift_commitments')
    .selectAll()
    .where('id', '=', input.commitmentId)
    .where('territory_id', '=', territory.id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!commitment) throw notFound('Commitment');
  const today = localDate(deps.clock.now());
  if (input.date > today) throw invalid('/date', 'A shift is recorded once it is made, not in advance.');
  if (input.date < localDate(new Date(deps.clock.now().getTime() - BACKFILL_DAYS * 86_400_000))) {
    throw invalid('/date', `Shifts can be recorded up to ${BACKFILL_DAYS} days back.`);
  }
  if (!commitment.weekdays.includes(isoWeekday(input.date))) throw invalid('/date', 'Your commitment does not cover this day of the week.');
  if (commitment.ended_at && localDate(commitment.ended_at) < input.date) {
    throw new AppError('conflict', 'This commitment had ended by that day.');
  }
  const { version } = await currentFactors(db, territory.id);
  const recorded = await inUnitOfWork(deps, async (work) => {
    const gesture = await recordGesture(work.db, {
      territoryId: territory.id,
      userId: actor.userId,
      kind: 'shift',
      mode: commitment.period,
      occurredOn: input.date,
      km: 0,
      co2eKg: 0,
      carKm: 0,
      euros: 0,
      factorsVersion: version,
      corridorId: commitment.corridor_id,
      fromSlot: commitment.from_slot,
      toSlot: commitment.to_slot,
      sourceType: 'shift_commitment',
      sourceId: commitment.id,
      idempotencyKey: `shift:${commitment.id}:${input.date}`,
    });
    if (gesture.created) work.publish('gesture.recorded', { territoryId: territory.id, userId: actor.userId });
    return gesture;
  });
  const notAlone = await othersThisWeek(db, { territoryId: territory.id, userId: actor.userId, date: input.date, kind: 'shift', minGroup: deps.config.privacyMinGroup });
  // Shown at once on the page: the same figure my impact and the corridor's week add up (delay-saved.ts).
  const spared = (await delaySavedForGestures(db, territory.id, [recorded.id])).byGesture.get(recorded.id) ?? 0;
  return { ...recorded, notAlone, delaySpared: { vehicleHours: Math.round(spared * 100) / 100, source: 'queue_model', computedOn: input.date } };
}

/** The viewer's running shift commitments in the territory. */
export async function listMyCommitments({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<Commitment[]> {
  const actor = await requireResident(db, territory, viewer);
  const rows = await db
    .selectFrom('shift_commitments as s')
    .innerJoin('corridors as c', 'c.id', 's.corridor_id')
    .select(['s.id', 's.corridor_id as corridorId', 'c.name as corridor', 's.period', 's.from_slot as fromSlot', 's.to_slot as toSlot', 's.weekdays', 's.created_at as createdAt'])
    .where('s.user_id', '=', actor.userId)
    .where('s.territory_id', '=', territory.id)
    .where('s.ended_at', 'is', null)
    .orderBy('s.id')
    .execute();
  return rows;
}
