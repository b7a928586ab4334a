/** @module Maps recorded `gestures` rows to what a campaign sees (`CampaignGesture`): departure, seats, communities, commune, proof class. */
import { sql } from 'kysely';
import type { Executor } from '../core/database/schema.ts';
import { proofClass } from '../carpool/index.ts';
import type { CampaignGesture } from './campaign-rules.ts';

// Only counted gestures of a person are paid: a carpool held by the fraud rules is recorded with
// counted = false until an operator clears it (carpool/review-match.ts), and it is then picked up by the
// next settlement. Mode switches carry no departure time; a shift departs at the start of the slot the
// person moved to; a carpool at the ride's start, in the territory's local time.

const TIME_ZONE = 'Europe/Paris';
const localClock = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Minutes since local midnight (Europe/Paris) of an instant. */
export function localMinutes(at: Date): number {
  const parts = localClock.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

export interface GestureRange {
  territoryId: string;
  /** First and last local date, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Leave out the gestures this campaign has already awarded (settlement). */
  notAwardedIn?: string;
}

/** The counted gestures of people in the range, as a campaign sees them, oldest first. */
export async function loadCampaignGestures(db: Executor, range: GestureRange): Promise<CampaignGesture[]> {
  let q = db
    .selectFrom('gestures as g')
    .leftJoin('carpool_matches as m', (join) => join.on('g.source_type', '=', 'carpool_match').on(sql<string>`m.id::text`, '=', sql.ref('g.source_id')).onRef('m.territory_id', '=', 'g.territory_id'))
    .leftJoin('corridors as c', 'c.id', 'g.corridor_id')
    .leftJoin('territory_members as tm', (join) => join.onRef('tm.territory_id', '=', 'g.territory_id').onRef('tm.user_id', '=', 'g.user_id'))
    .select([
      'g.id', 'g.user_id', 'g.kind', 'g.mode', 'g.occurred_on', 'g.km', 'g.to_slot',
      'm.starts_at', 'm.seats', 'm.driver_confirmed_at', 'm.passenger_confirmed_at',
      'c.am_start', 'c.pm_start', 'c.slot_minutes', 'tm.commune_code',
    ])
    .where('g.territory_id', '=', range.territoryId)
    .where('g.counted', '=', true)
    .where('g.user_id', 'is not', null)
    .where('g.occurred_on', '>=', range.from)
    .where('g.occurred_on', '<=', range.to);
  if (range.notAwardedIn !== undefined) {
    const campaignId = range.notAwardedIn;
    q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('campaign_awards as a').select('a.gesture_id').where('a.campaign_id', '=', campaignId).whereRef('a.gesture_id', '=', 'g.id'))));
  }
  const rows = await q.orderBy('g.occurred_on').orderBy('g.id').execute();
  if (rows.length === 0) return [];

  const memberships = await db
    .selectFrom('community_members')
    .select(['user_id', 'community_id'])
    .where('territory_id', '=', range.territoryId)
    .where('status', '=', 'active')
    .where('user_id', 'in', [...new Set(rows.map((r) => r.user_id!))])
    .orderBy('community_id')
    .execute();
  const communities = new Map<string, string[]>();
  for (const m of memberships) communities.set(m.user_id, [...(communities.get(m.user_id) ?? []), m.community_id]);

  return rows.map((r): CampaignGesture => {
    const personId = r.user_id!;
    let departureMin: number | null = null;
    let seats = 1;
    let proof: CampaignGesture['proofClass'] = null;
    if (r.kind === 'carpool' && r.starts_at) {
      departureMin = localMinutes(r.starts_at);
      // Both parties record a gesture; the driver's (mode "driver") carries the seats filled.
      if (r.mode === 'driver' && r.seats !== null) seats = r.seats;
      proof = proofClass({ driver_confirmed_at: r.driver_confirmed_at, passenger_confirmed_at: r.passenger_confirmed_at });
    } else if (r.kind === 'shift' && r.to_slot !== null && r.slot_minutes !== null) {
      const start = r.mode === 'pm' ? r.pm_start : r.am_start;
      if (start !== null) departureMin = start + r.to_slot * r.slot_minutes;
    }
    return {
      id: r.id,
      personId,
      kind: r.kind,
      occurredOn: r.occurred_on,
      departureMin,
      km: r.km,
      seats,
      communityIds: communities.get(personId) ?? [],
      communeCode: r.commune_code ?? null,
      proofClass: proof,
    };
  });
}

/** Carpools held by the fraud rules, waiting for an operator's review, in the range: recorded, not paid (yet). */
export async function countHeldGestures(db: Executor, range: Omit<GestureRange, 'notAwardedIn'>): Promise<number> {
  const row = await db
    .selectFrom('gestures as g')
    .innerJoin('carpool_matches as m', (join) => join.on('g.source_type', '=', 'carpool_match').on(sql<string>`m.id::text`, '=', sql.ref('g.source_id')).onRef('m.territory_id', '=', 'g.territory_id'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('g.territory_id', '=', range.territoryId)
    .where('g.counted', '=', false)
    .where('g.user_id', 'is not', null)
    .where('m.review_status', '=', 'pending')
    .where('g.occurred_on', '>=', range.from)
    .where('g.occurred_on', '<=', range.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
