/**
 * @module Asking for help: the request with its coarse place (H3 cell, resolution 8, and commune) and, apart, its exact
 * address; suitable nearby helpers are told in the same transaction. A mediator may file it for an assisted resident
 * inside a session, with their consent active (`mediation/access.ts` `requireActingConsent`; audited "by mediator M on
 * behalf of R"). A retry with the same idempotency key answers the first request.
 */
import { sql } from 'kysely';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import type { Executor } from '../core/database/schema.ts';
import { invalid } from '../core/errors.ts';
import { toCell, type LatLng } from '../core/geo.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActingConsent } from '../mediation/index.ts';
import { blockedAmong } from '../moderation/index.ts';
import { requireResident } from '../territories/index.ts';
import { communeAt } from '../territories/index.ts';
import { rankHelpers, type HelperCandidate } from './matching.ts';
import { aidMails } from './messages.ts';
import { AID_RESOLUTION, checkWindow, NOTIFY_AT_MOST } from './model.ts';
import { storeAddress } from './address.ts';
import { aidLinks, communeNames, tell } from './store.ts';
import type { AidKind, AidUrgency } from './tables.ts';
import type { CreatedRequest } from './schemas.ts';

export interface NewRequest {
  kind: AidKind;
  urgency: AidUrgency;
  window: { from: string; to: string };
  description: string;
  place: LatLng;
  address: string;
  contact?: string | undefined;
  idempotencyKey?: string | undefined;
}

function text(value: string, field: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(field, `${what} is required.`);
  return trimmed;
}

/** Helpers of the territory (still members, not erased) whose skills include `kind`, with whether they share an active community with `requesterId`. */
async function candidates(trx: Executor, territoryId: string, kind: AidKind, requesterId: string): Promise<HelperCandidate[]> {
  const rows = await trx
    .selectFrom('aid_helper_profiles as p')
    .innerJoin('territory_members as m', (j) => j.onRef('m.user_id', '=', 'p.user_id').onRef('m.territory_id', '=', 'p.territory_id'))
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select((eb) => [
      'p.user_id',
      'p.skills',
      'p.weekdays',
      'p.times',
      'p.radius_km',
      'p.home_cell',
      eb
        .exists(
          eb
            .selectFrom('community_members as mine')
            .innerJoin('community_members as theirs', 'theirs.community_id', 'mine.community_id')
            .select('mine.community_id')
            .whereRef('mine.user_id', '=', 'p.user_id')
            .where('mine.status', '=', 'active')
            .where('theirs.user_id', '=', requesterId)
            .where('theirs.status', '=', 'active')
            .where('mine.territory_id', '=', territoryId),
        )
        .as('shares'),
    ])
    .where('p.territory_id', '=', territoryId)
    .where('p.user_id', '<>', requesterId)
    .where('u.deleted_at', 'is', null)
    .where(sql<boolean>`${kind} = any(p.skills)`)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, skills: r.skills, weekdays: r.weekdays.map(Number), times: r.times, radiusKm: Number(r.radius_km), homeCell: r.home_cell, sharesCommunity: Boolean(r.shares) }));
}

async function replay(trx: Executor, territoryId: string, requesterId: string, key: string): Promise<CreatedRequest | null> {
  const row = await trx
    .selectFrom('aid_requests')
    .select(['id', 'status', 'cell', 'commune_code'])
    .where('territory_id', '=', territoryId)
    .where('requester_id', '=', requesterId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row ? { id: row.id, status: row.status, cell: row.cell, communeCode: row.commune_code, notified: 0 } : null;
}

export async function createRequest(deps: Deps, scope: RequestScope, r: NewRequest): Promise<CreatedRequest> {
  const { territory } = scope;
  const actor = await requireResident(deps.db, territory, scope.viewer);
  const viewer = scope.viewer!;
  const now = deps.clock.now();
  const from = new Date(r.window.from);
  const to = new Date(r.window.to);
  const problem = checkWindow(from, to, now);
  if (problem) throw invalid(problem.field, problem.message);
  const description = text(r.description, '/description', 'A few words about what you need');
  const address = text(r.address, '/address', 'The exact address');
  if (address.length < 3) throw invalid('/address', 'The exact address is too short.');
  const contact = r.contact?.trim() || null;
  const communeCode = await communeAt(deps.db, territory.id, r.place, '/place');
  const cell = toCell(r.place, AID_RESOLUTION);
  const key = r.idempotencyKey ?? null;
  try {
    return await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      const acting = viewer.mediatorId ? await requireActingConsent(trx, territory, viewer, now) : null;
      if (key) {
        const earlier = await replay(trx, territory.id, actor.userId, key);
        if (earlier) return earlier;
      }
      const row = await trx
        .insertInto('aid_requests')
        .values({
          territory_id: territory.id,
          requester_id: actor.userId,
          kind: r.kind,
          urgency: r.urgency,
          window_from: from,
          window_to: to,
          description,
          cell,
          commune_code: communeCode,
          idempotency_key: key,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await storeAddress(trx, { requestId: row.id, territoryId: territory.id, address, contact });
      const all = await candidates(trx, territory.id, r.kind, actor.userId);
      const blocked = await blockedAmong(trx, actor.userId, all.map((c) => c.userId));
      const helpers = rankHelpers({ kind: r.kind, cell, requesterId: actor.userId, window: { from, to } }, all, { limit: NOTIFY_AT_MOST, blocked });
      const communeName = (await communeNames(trx, territory.id)).get(communeCode) ?? communeCode;
      const told = await tell(work, deps, {
        territoryId: territory.id,
        userIds: helpers.map((h) => h.userId),
        kind: 'mutual_aid.request_nearby',
        params: { requestId: row.id, kind: r.kind, commune: communeName, urgency: r.urgency },
        link: aidLinks.nearby(territory.slug),
        mail: aidMails.nearby(r.kind, communeName),
      });
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer),
        action: 'mutual_aid.request_created',
        subjectType: 'aid_request',
        subjectId: row.id,
        reason: viewer.mediatorId ? 'mediator' : null,
        details: { kind: r.kind, notified: told.notified, ...(acting ? { consentRef: acting.consentRef, sessionId: acting.sessionId } : {}) },
        requestId: scope.requestId,
        at: now,
      });
      return { id: row.id, status: 'open' as const, cell, communeCode, notified: told.notified };
    });
  } catch (error) {
    // Two retries racing with one key: the loser answers the winner's request.
    if (key && isUniqueViolation(error)) {
      const earlier = await replay(deps.db, territory.id, actor.userId, key);
      if (earlier) return earlier;
    }
    throw error;
  }
}
