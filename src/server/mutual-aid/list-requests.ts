/**
 * @module Reading requests. Helpers see the approximate area only (commune and H3 cell, a rounded distance between cell
 * centres) — never the address, never the requester's name before they are accepted. The requester sees their own
 * requests with the offers received. Requests hidden by moderation are left out of every list but their owner's.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { Executor } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import { blockedAmong } from '../moderation/index.ts';
import { requireResident } from '../territories/index.ts';
import { cellDistanceKm, roundedKm } from './matching.ts';
import { hoursOf, isOpen } from './model.ts';
import { communeNames, displayNames, loadRequest, type RequestRow } from './store.ts';
import type { AidUrgency } from './tables.ts';
import type { HelpingRequest, NearbyRequests, OwnRequest, RequestSummary, RequestView } from './schemas.ts';

async function offerCounts(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('aid_request_offers')
    .select(['request_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('request_id', 'in', [...ids])
    .where('withdrawn_at', 'is', null)
    .groupBy('request_id')
    .execute();
  return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
}

function summary(r: RequestRow, communes: Map<string, string>, offers: Map<string, number>): RequestSummary {
  return {
    id: r.id,
    kind: r.kind,
    urgency: r.urgency,
    window: { from: r.window_from, to: r.window_to },
    description: r.description,
    status: r.status,
    communeCode: r.commune_code,
    communeName: communes.get(r.commune_code) ?? r.commune_code,
    cell: r.cell,
    createdAt: r.created_at,
    offers: offers.get(r.id) ?? 0,
  };
}

export async function listMyRequests(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<OwnRequest[]> {
  const actor = await requireResident(deps.db, territory, viewer);
  const rows = await deps.db.selectFrom('aid_requests').selectAll().where('territory_id', '=', territory.id).where('requester_id', '=', actor.userId).orderBy('id', 'desc').limit(100).execute();
  const ids = rows.map((r) => r.id);
  const offers = ids.length
    ? await deps.db.selectFrom('aid_request_offers').select(['request_id', 'helper_id', 'message', 'created_at']).where('request_id', 'in', ids).where('withdrawn_at', 'is', null).orderBy('created_at').execute()
    : [];
  const names = await displayNames(deps.db, [...offers.map((o) => o.helper_id), ...rows.flatMap((r) => (r.accepted_helper_id ? [r.accepted_helper_id] : []))]);
  const communes = await communeNames(deps.db, territory.id);
  const counts = await offerCounts(deps.db, ids);
  return rows.map((r) => ({
    ...summary(r, communes, counts),
    hidden: r.hidden_at !== null,
    offersReceived: offers.filter((o) => o.request_id === r.id).map((o) => ({ helperId: o.helper_id, name: names.get(o.helper_id) ?? null, message: o.message, at: o.created_at })),
    acceptedHelper: r.accepted_helper_id ? { id: r.accepted_helper_id, name: names.get(r.accepted_helper_id) ?? null } : null,
    hours: r.status === 'done' ? hoursOf(r.kind, r.hours_reported === null ? null : Number(r.hours_reported)) : null,
    hoursEstimated: r.hours_reported === null,
    thanked: r.thanked_at !== null,
    doneAt: r.done_at,
  }));
}

/** Open requests within the helper's radius (not their own, not hidden, not between blocked people, window not over). */
export async function listNearbyRequests(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer }: RequestScope): Promise<NearbyRequests> {
  const actor = await requireResident(deps.db, territory, viewer);
  const profile = await deps.db.selectFrom('aid_helper_profiles').selectAll().where('territory_id', '=', territory.id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!profile) return { hasProfile: false, radiusKm: null, items: [] };
  const radius = Number(profile.radius_km);
  const rows = await deps.db
    .selectFrom('aid_requests')
    .selectAll()
    .where('territory_id', '=', territory.id)
    .where('status', 'in', ['open', 'offered'])
    .where('hidden_at', 'is', null)
    .where('window_to', '>', deps.clock.now())
    .where('requester_id', '<>', actor.userId)
    .orderBy('id', 'desc')
    .limit(2000)
    .execute();
  const near = rows.map((r) => ({ r, km: cellDistanceKm(profile.home_cell, r.cell) })).filter((x) => x.km <= radius);
  const blocked = await blockedAmong(deps.db, actor.userId, [...new Set(near.map((x) => x.r.requester_id))]);
  const visible = near.filter((x) => !blocked.has(x.r.requester_id));
  const ids = visible.map((x) => x.r.id);
  const mine = ids.length
    ? new Set((await deps.db.selectFrom('aid_request_offers').select('request_id').where('request_id', 'in', ids).where('helper_id', '=', actor.userId).where('withdrawn_at', 'is', null).execute()).map((o) => o.request_id))
    : new Set<string>();
  const communes = await communeNames(deps.db, territory.id);
  const counts = await offerCounts(deps.db, ids);
  const urgencyRank: Record<AidUrgency, number> = { today: 0, this_week: 1, flexible: 2 };
  return {
    hasProfile: true,
    radiusKm: radius,
    items: visible
      .map(({ r, km }) => ({ ...summary(r, communes, counts), approxDistanceKm: roundedKm(km), skillMatch: profile.skills.includes(r.kind), myOffer: mine.has(r.id) }))
      .sort((a, b) => Number(b.skillMatch) - Number(a.skillMatch) || urgencyRank[a.urgency] - urgencyRank[b.urgency] || a.approxDistanceKm - b.approxDistanceKm)
      .slice(0, 100),
  };
}

/** Requests I offered to take or was accepted for, newest first (an accepted helper reads the address apart). */
export async function listHelping(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<HelpingRequest[]> {
  const actor = await requireResident(deps.db, territory, viewer);
  const rows = await deps.db
    .selectFrom('aid_requests as r')
    .innerJoin('aid_request_offers as o', (j) => j.onRef('o.request_id', '=', 'r.id').on('o.helper_id', '=', actor.userId))
    .selectAll('r')
    .select('o.withdrawn_at as offer_withdrawn_at')
    .where('r.territory_id', '=', territory.id)
    .where((eb) => eb.or([eb('r.hidden_at', 'is', null), eb('r.accepted_helper_id', '=', actor.userId)]))
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute();
  const accepted = rows.filter((r) => r.accepted_helper_id === actor.userId);
  const names = await displayNames(deps.db, accepted.map((r) => r.requester_id));
  const communes = await communeNames(deps.db, territory.id);
  const counts = await offerCounts(deps.db, rows.map((r) => r.id));
  return rows.map((r) => {
    const acceptedMe = r.accepted_helper_id === actor.userId;
    return {
      ...summary(r, communes, counts),
      myOffer: r.offer_withdrawn_at === null ? ('active' as const) : ('withdrawn' as const),
      acceptedMe,
      requesterName: acceptedMe && r.status === 'matched' ? (names.get(r.requester_id) ?? null) : null,
      hours: acceptedMe && r.status === 'done' ? hoursOf(r.kind, r.hours_reported === null ? null : Number(r.hours_reported)) : null,
      thanks: acceptedMe && r.thanked_at ? { message: r.thanks_message, at: r.thanked_at } : null,
    };
  });
}

/**
 * One request: its requester and accepted helper always; other residents while it takes offers (not hidden, not
 * between blocked people) or when they offered on it; 404 otherwise. Coarse place only.
 */
export async function viewRequest(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, { id }: { id: string }): Promise<RequestView> {
  const actor = await requireResident(deps.db, territory, viewer);
  const r = await loadRequest(deps.db, territory.id, id);
  const mine = r.requester_id === actor.userId;
  const acceptedMe = r.accepted_helper_id === actor.userId;
  const offered = await deps.db.selectFrom('aid_request_offers').select('id').where('request_id', '=', r.id).where('helper_id', '=', actor.userId).where('withdrawn_at', 'is', null).executeTakeFirst();
  if (!mine && !acceptedMe) {
    const blocked = (await blockedAmong(deps.db, actor.userId, [r.requester_id])).size > 0;
    if (r.hidden_at !== null || blocked || (!isOpen(r.status) && !offered)) throw notFound('Request');
  }
  return { ...summary(r, await communeNames(deps.db, territory.id), await offerCounts(deps.db, [r.id])), mine, acceptedMe, myOffer: offered !== undefined };
}
