/**
 * @module Standing offers of help, searchable by kind, commune, words and distance from a helper's area; hidden
 * (moderated) and withdrawn offers are left out, and so are offers between blocked people. Coarse place only.
 */
import { sql } from 'kysely';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { blockedAmong } from '../moderation/index.ts';
import { requireResident } from '../territories/index.ts';
import { cellDistanceKm, roundedKm } from './matching.ts';
import { AID_TIMES } from './model.ts';
import { communeNames, displayNames } from './store.ts';
import type { AidKind } from './tables.ts';
import type { OfferView } from './schemas.ts';

export interface OfferSearch {
  kind?: AidKind | undefined;
  commune?: string | undefined;
  q?: string | undefined;
  mine?: boolean | undefined;
}

export async function listOffers(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, search: OfferSearch): Promise<OfferView[]> {
  // Residents only: offers carry a neighbour's display name.
  const me = (await requireResident(deps.db, territory, viewer)).userId;
  let q = deps.db
    .selectFrom('aid_offers')
    .selectAll()
    .where('territory_id', '=', territory.id)
    .where('closed_at', 'is', null)
    .where('hidden_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(200);
  if (search.kind) q = q.where('kind', '=', search.kind);
  if (search.commune) q = q.where('commune_code', '=', search.commune);
  if (search.mine) q = q.where('helper_id', '=', me);
  const words = search.q?.trim();
  if (words) q = q.where(sql<boolean>`position(lower(${words}) in lower(text)) > 0`);
  const rows = await q.execute();
  const blocked = await blockedAmong(deps.db, me, [...new Set(rows.map((r) => r.helper_id))]);
  const visible = rows.filter((r) => !blocked.has(r.helper_id));
  const home = await deps.db.selectFrom('aid_helper_profiles').select('home_cell').where('territory_id', '=', territory.id).where('user_id', '=', me).executeTakeFirst();
  const communes = await communeNames(deps.db, territory.id);
  const names = await displayNames(deps.db, visible.map((r) => r.helper_id));
  return visible.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    weekdays: r.weekdays,
    times: AID_TIMES.filter((t) => r.times.includes(t)),
    communeCode: r.commune_code,
    communeName: communes.get(r.commune_code) ?? r.commune_code,
    cell: r.cell,
    helperName: names.get(r.helper_id) ?? null,
    createdAt: r.created_at,
    mine: r.helper_id === me,
    approxDistanceKm: home ? roundedKm(cellDistanceKm(home.home_cell, r.cell)) : null,
  }));
}
