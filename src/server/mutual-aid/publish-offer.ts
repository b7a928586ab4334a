/** @module A standing offer of help ("I shop on Tuesdays, I can take a list"): kind, words, days and times, an approximate area. */
import type { Viewer } from '../core/auth/sessions.ts';
import { invalid } from '../core/errors.ts';
import { toCell, type LatLng } from '../core/geo.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident, resolveTerritory } from '../territories/index.ts';
import { communeAt } from '../territories/index.ts';
import { AID_RESOLUTION, AID_TIMES } from './model.ts';
import type { MutualAidDeps } from './store.ts';
import type { AidKind, AidTime } from './tables.ts';
import type { PublishedOffer } from './schemas.ts';

export interface NewOffer {
  kind: AidKind;
  text: string;
  weekdays: number[];
  times: AidTime[];
  place: LatLng;
}

export async function publishOffer(deps: MutualAidDeps, input: { slug: string; viewer: Viewer | null; offer: NewOffer; requestId?: string }): Promise<PublishedOffer> {
  const territory = await resolveTerritory(deps.db, input.slug);
  const actor = await requireResident(deps.db, territory, input.viewer);
  const o = input.offer;
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
    await recordAudit(trx, { territoryId: territory.id, ...auditActor(input.viewer!), action: 'mutual_aid.offer_published', subjectType: 'aid_offer', subjectId: row.id, details: { kind: o.kind }, requestId: input.requestId ?? null, at: now });
    return { id: row.id, cell, communeCode };
  });
}
