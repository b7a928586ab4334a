/** @module Keeps one in-memory match index per territory in step with the open trips in the database. */
import type { CarpoolTripsTable, Database, Executor } from '../core/database/schema.ts';
import type { EventBus } from '../core/events.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { Selectable } from 'kysely';
import type { IndexedTrip, MatchRules } from './matching.ts';
import { crowFliesRouter, type Router } from '../core/router.ts';
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
 * territory's rules, then kept in step by events — from this process and, through the event bus, from the
 * others: a trip written (re-read once), someone's communities changed (their trips re-read), an account
 * erased (its trips dropped), the rules changed (rebuilt). Updates to a territory's index are applied one after
 * the other, and a read waits for those already queued, so a person sees their own write.
 */
export class CarpoolIndexes {
  private readonly matchers = new Map<string, Promise<Matcher>>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Database,
    bus: EventBus | undefined,
  ) {
    if (!bus) return;
    bus.subscribe('carpool.trip_changed', (event) => {
      this.queue(event.territoryId, (index) => this.refreshTrip(index, event.tripId));
    });
    bus.subscribe('community.membership_changed', (event) => {
      this.queue(event.territoryId, (index) => this.refreshPerson(index, event.territoryId, event.userId));
    });
    bus.subscribe('account.erased', (event) => {
      for (const territoryId of this.matchers.keys()) {
        this.queue(territoryId, async (index) => {
          for (const trip of index.tripsOf(event.userId)) index.remove(trip.id);
        });
      }
    });
    bus.subscribe('carpool.settings_changed', (event) => {
      this.matchers.delete(event.territoryId);
    });
  }

  /** The territory's matcher, once the updates already queued for it are applied. */
  async matcher(territoryId: string): Promise<Matcher> {
    await this.queued.get(territoryId);
    return this.built(territoryId);
  }

  private built(territoryId: string): Promise<Matcher> {
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

  /**
   * Applies `update` to a built index after those queued before it. An index not built yet has nothing to
   * update (it is built from the database, which holds the change); one whose update failed is dropped and
   * rebuilt from the database when next needed.
   */
  private queue(territoryId: string, update: (index: TripIndex) => Promise<void>): void {
    if (!this.matchers.has(territoryId)) return;
    const next = (this.queued.get(territoryId) ?? Promise.resolve())
      .then(async () => update((await this.built(territoryId)).index))
      .catch(() => {
        this.matchers.delete(territoryId);
      });
    this.queued.set(territoryId, next);
    void next.then(() => {
      if (this.queued.get(territoryId) === next) this.queued.delete(territoryId);
    });
  }

  /** Open trips are (re)indexed; closed or deleted ones leave the index. */
  private async refreshTrip(index: TripIndex, tripId: string): Promise<void> {
    const row = await this.db.selectFrom('carpool_trips').selectAll().where('id', '=', tripId).executeTakeFirst();
    if (!row || row.status !== 'open') index.remove(tripId);
    else index.upsert((await loadIndexedTrips(this.db, [row]))[0]!);
  }

  /** A person's communities changed: their open trips are indexed again with the communities they now share. */
  private async refreshPerson(index: TripIndex, territoryId: string, userId: string): Promise<void> {
    const rows = await this.db.selectFrom('carpool_trips').selectAll().where('territory_id', '=', territoryId).where('user_id', '=', userId).where('status', '=', 'open').execute();
    for (const trip of await loadIndexedTrips(this.db, rows)) index.upsert(trip);
  }
}

/** One set of indexes per event bus, that is per Maille: a process builds each territory's index once and keeps it. */
const perBus = new WeakMap<EventBus, CarpoolIndexes>();

/**
 * The match indexes of the Maille these ports belong to. Without a bus (a command-line run) the index is built
 * from the database for this call and kept nowhere. A trip written is announced with `carpool.trip_changed`
 * through the unit of work, after commit: every process, this one included, re-reads it once.
 */
export function carpoolIndexes(deps: Pick<Deps, 'db' | 'bus'>): CarpoolIndexes {
  if (!deps.bus) return new CarpoolIndexes(deps.db, undefined);
  let indexes = perBus.get(deps.bus);
  if (!indexes) {
    indexes = new CarpoolIndexes(deps.db, deps.bus);
    perBus.set(deps.bus, indexes);
  }
  return indexes;
}
