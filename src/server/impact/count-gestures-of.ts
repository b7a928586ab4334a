/** @module Whether the gestures recorded for one source (a carpool ride) count in the figures: held during a review, restored or not after it. */
import type { Executor } from '../core/database/schema.ts';

export interface GestureSource {
  territoryId: string;
  sourceType: string;
  sourceId: string;
}

/** Sets `counted` on every gesture recorded for the source, in the caller's transaction. */
export async function countGesturesOf(trx: Executor, source: GestureSource, counted: boolean): Promise<void> {
  await trx
    .updateTable('gestures')
    .set({ counted })
    .where('territory_id', '=', source.territoryId)
    .where('source_type', '=', source.sourceType)
    .where('source_id', '=', source.sourceId)
    .execute();
}
