/** @module A standing offer of help ("I shop on Tuesdays, I can take a list"): kind, words, days and times, an approximate area. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { invalid } from '../core/errors.ts';
import { toCell, type LatLng } from '../core/geo.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { communeAt } from '../territories/index.ts';
import { AID_RESOLUTION, AID_TIMES } from './model.ts';
import type { AidKind, AidTime } from './tables.ts';
import type { PublishedOffer } from './schemas.ts';

export interface NewOffer {
  kind: AidKind;
  text: string;
  weekdays: number[];
  times: AidTime[];
  place: LatLng;
}

export async function publishOffer(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, o: NewOffer): Promise<PublishedOffer> {
  const actor = await requireResident(deps.db, territory, viewer);
  const text = o.text.trim();
  if (text === '') throw invalid('/text', 'Say in a few words what you offer.');
  const communeCode = await communeAt(deps.db, territory.id, o.place, '/place');
  const cell = toCell(o.place, AID_RESOLUTION);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('aid_offers')
      .values({
        territory_id: territory.id,
        helper_id: actor.userId,
        kind: o.kind,
        text,
        weekdays: [...new Set(o.weekdays)].sort((a, b) => a - b),
        times: AID_TIMES.filter((t) => o.times.includes(t)),
        cell,
        commune_code: communeCode,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(viewer!), action: 'mutual_aid.offer_published', subjectType: 'aid_offer', subjectId: row.id, details: { kind: o.kind }, requestId, at: now });
    return { id: row.id, cell, communeCode };
  });
}
