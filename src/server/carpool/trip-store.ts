/** @module Keeps one in-memory match index per territory in step with the open trips in the database. */
import type { CarpoolTripsTable, Database, Executor } from '../core/database/schema.ts';
import type { EventBus } from '../core/events.ts';
import type { Selectable } from 'kysely';
import type { IndexedTrip, MatchRules } from './matching.ts';
import { crowFliesRouter, type Router } from './router.ts';
import { readCarpoolSettings } from './settings.ts';
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

/** One territory's matcher: its rules, its router, and the index of its open trips. */
export interface Matcher {
  rules: MatchRules;
  router: Router;
  index: TripIndex;
}

/**
 * The match indexes of this process. Built from the database on first use per territory, with that
 * territory's rules; updated on each write here and — through the event bus — when another process
 * writes a trip (refresh) or changes the rules (rebuild).
 */
export class CarpoolIndexes {
  private readonly matchers = new Map<string, Promise<Matcher>>();

  constructor(
    private readonly db: Database,
    bus: EventBus,
  ) {
    bus.subscribe('carpool.trip_changed', (event) => {
      void this.refresh(event.territoryId, event.tripId).catch(() => this.matchers.delete(event.territoryId));
    });
    bus.subscribe('carpool.settings_changed', (event) => {
      this.matchers.delete(event.territoryId);
    });
  }

  matcher(territoryId: string): Promise<Matcher> {
    let matcher = this.matchers.get(territoryId);
    if (!matcher) {
      matcher = this.build(territoryId);
      this.matchers.set(territoryId, matcher);
      matcher.catch(() => this.matchers.delete(territoryId));
    }
    return matcher;
  }

  private async build(territoryId: string): Promise<Matcher> {
    const settings = await readCarpoolSettings(this.db, territoryId);
    const router = crowFliesRouter({ roadFactor: settings.roadFactor });
    const rules: MatchRules = { timeToleranceMin: settings.timeToleranceMin, maxDetourShare: settings.maxDetourShare, minSharedShare: settings.minSharedShare };
    const index = new TripIndex(router, rules);
    const rows = await this.db.selectFrom('carpool_trips').selectAll().where('territory_id', '=', territoryId).where('status', '=', 'open').execute();
    for (const trip of await loadIndexedTrips(this.db, rows)) index.upsert(trip);
    return { rules, router, index };
  }

  /** Re-reads one trip: open ones are (re)indexed, closed or deleted ones leave the index. */
  async refresh(territoryId: string, tripId: string): Promise<void> {
    if (!this.matchers.has(territoryId)) return; // built lazily, from the database, when first needed
    const { index } = await this.matcher(territoryId);
    const row = await this.db.selectFrom('carpool_trips').selectAll().where('id', '=', tripId).executeTakeFirst();
    if (!row || row.status !== 'open') index.remove(tripId);
    else index.upsert((await loadIndexedTrips(this.db, [row]))[0]!);
  }
}
