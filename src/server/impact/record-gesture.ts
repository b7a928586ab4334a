/** @module Records one gesture with its impact, once: a retry with the same key returns the first record. */
import type { Executor, GestureKind } from '../core/database/schema.ts';
import type { Counterfactual } from './counterfactual.ts';

export interface GestureInput {
  territoryId: string;
  userId: string;
  kind: GestureKind;
  mode?: string | null;
  occurredOn: string;
  km: number;
  co2eKg: number;
  carKm: number;
  euros: number;
  factorsVersion: number;
  corridorId?: string | null;
  fromSlot?: number | null;
  toSlot?: number | null;
  sourceType?: string | null;
  sourceId?: string | null;
  /** Mode switches only: the trip replaced, as stored with the gesture (docs/mobility.md, "Counterfactual"). */
  counterfactual?: Counterfactual | null;
  /** False while a flagged carpool waits for an operator's review. */
  counted?: boolean;
  idempotencyKey: string;
}

export interface RecordedGesture {
  id: string;
  created: boolean;
}

export async function recordGesture(trx: Executor, g: GestureInput): Promise<RecordedGesture> {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const inserted = await trx
    .insertInto('gestures')
    .values({
      territory_id: g.territoryId,
      user_id: g.userId,
      kind: g.kind,
      mode: g.mode ?? null,
      occurred_on: g.occurredOn,
      km: round(g.km),
      co2e_kg: round(g.co2eKg),
      car_km: round(g.carKm),
      euros: Math.round(g.euros * 100) / 100,
      factors_version: g.factorsVersion,
      corridor_id: g.corridorId ?? null,
      from_slot: g.fromSlot ?? null,
      to_slot: g.toSlot ?? null,
      source_type: g.sourceType ?? null,
      source_id: g.sourceId ?? null,
      instead_of: g.counterfactual?.insteadOf ?? null,
      instead_of_occupancy: g.counterfactual?.occupancy ?? null,
      counterfactual: g.counterfactual?.source ?? null,
      counted: g.counted ?? true,
      idempotency_key: g.idempotencyKey,
    })
    .onConflict((oc) => oc.columns(['territory_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await trx
    .selectFrom('gestures')
    .select('id')
    .where('territory_id', '=', g.territoryId)
    .where('idempotency_key', '=', g.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}
