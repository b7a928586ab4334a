/** @module Keeps one in-memory match index per territory in step with the open trips in the database. */
import type { CarpoolTripsTable, Database, Executor } from '../core/database/schema.ts';
import type { EventBus } from '../core/events.ts';
import type { Selectable } from 'kysely';
import { MOBICOOP_RULES, type IndexedTrip, type MatchRules } from './matching.ts';
import { crowFliesRouter, type Router } from './router.ts';
import { TripIndex } from './trip-index.ts';

export type TripRow = Selectable<CarpoolTripsTable>;

export function toIndexedTrip(row: TripRow, communityIds: string[]): IndexedTrip {
  return {
    id: row.id,
    userId: row.user_id,
    role: row.role,
    origin: { lat: row.origin_lat, lng: row.origin_lng },
    destination: { lat: row.destination_lat, lng: row.destination_lng },
    date: row.trip_date,
    weekdays: row.weekdays,
    window: { start: row.window_start, end: row.window_end },
    seats: row.seats,
    communityIds,
  };
}

async function communitiesOf(db: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom('community_members').select(['user_id', 'community_id']).where('user_id', 'in', userIds).where('status', '=', 'active').execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.community_id]);
  return out;
}

/** Loads trips as the index sees them, with their owners' active communities. */
export async function loadIndexedTrips(db: Executor, rows: TripRow[]): Promise<IndexedTrip[]> {
  const communities = await communitiesOf(db, [...new Set(rows.map((r) => r.user_id))]);
  return rows.map((r) => toIndexedTrip(r, communities.get(r.user_id) ?? []));
}

/**
 * The match indexes of this process. Built from the database on first use per territory, updated on
 * each write here, and — through the event bus — when another process writes.
 */
export class CarpoolIndexes {
  readonly router: Router = crowFliesRouter();
  readonly rules: MatchRules = MOBICOOP_RULES;
  private readonly indexes = new Map<string, Promise<TripIndex>>();

  constructor(
    private readonly db: Database,
    bus: EventBus,
  ) {
    bus.subscribe('carpool.trip_changed', (event) => {
      void this.refresh(event.territoryId, event.tripId).catch(() => this.indexes.delete(event.territoryId));
    });
  }

  forTerritory(territoryId: string): Promise<TripIndex> {
    let index = this.indexes.get(territoryId);
    if (!index) {
      index = this.build(territoryId);
      this.indexes.set(territoryId, index);
      index.catch(() => this.indexes.delete(territoryId));
    }
    return index;
  }

  private async build(territoryId: string): Promise<TripIndex> {
    const index = new TripIndex(this.router, this.rules);
    const rows = await this.db.selectFrom('carpool_trips').selectAll().where('territory_id', '=', territoryId).where('status', '=', 'open').execute();
    for (const trip of await loadIndexedTrips(this.db, rows)) index.upsert(trip);
    return index;
  }

  /** Re-reads one trip: open ones are (re)indexed, closed or deleted ones leave the index. */
  async refresh(territoryId: string, tripId: string): Promise<void> {
    if (!this.indexes.has(territoryId)) return; // built lazily, from the database, when first needed
    const index = await this.forTerritory(territoryId);
    const row = await this.db.selectFrom('carpool_trips').selectAll().where('id', '=', tripId).executeTakeFirst();
    if (!row || row.status !== 'open') index.remove(tripId);
    else index.upsert((await loadIndexedTrips(this.db, [row]))[0]!);
  }
}
