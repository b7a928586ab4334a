/**
 * @module Clusters of the zones' indicator, public: Kulldorff's spatial scan (Poisson model) over the communes'
 * cases of the last 7 days against their population, and the space-time permutation scan over the last 14 days,
 * with 999 Monte Carlo replicas (fixed seed: the same data gives the same p-values). Significant clusters
 * (p < 0.05) carry their communes, relative risk, p-value and the method in words; a commune inside one is at
 * least orange on the zones' map. Only the authority's own aggregates per commune go in, never a person.
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/database/schema.ts';
import type { RequestScope } from '../../core/http/scope.ts';
import type { Deps } from '../../core/unit-of-work.ts';
import { scanPoisson } from '../clusters/scan-poisson.ts';
import { scanSpaceTime } from '../clusters/scan-space-time.ts';
import type { Cluster } from '../clusters/types.ts';
import { boundaryCentre } from './model.ts';
import type { ClusterMapT } from './schemas.ts';

export const SIGNIFICANCE = 0.05;
const REPLICAS = 999;
const SPACE_TIME_DAYS = 14;

/** Local metres around a reference latitude (equirectangular: exact enough across a metropolitan area). */
export function toLocalMetres(lat: number, lon: number, refLat: number): { x: number; y: number } {
  const R = 6_371_000;
  return { x: ((lon * Math.PI) / 180) * R * Math.cos((refLat * Math.PI) / 180), y: ((lat * Math.PI) / 180) * R };
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function dailyCases(db: Executor, territoryId: string, indicator: string): Promise<{ sourceId: string; day: string; rows: { commune_code: string; day: string; value: number }[] } | null> {
  const latest = await db
    .selectFrom('observatory_indicator_values as v')
    .innerJoin('observatory_indicator_sources as s', 's.id', 'v.source_id')
    .select(['s.id', sql<string>`max(v.day)::text`.as('day')])
    .where('v.territory_id', '=', territoryId)
    .where('v.indicator', '=', indicator)
    .groupBy(['s.id', 's.imported_at'])
    .orderBy('s.imported_at', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst();
  if (!latest) return null;
  const day = latest.day.slice(0, 10);
  const rows = await db
    .selectFrom('observatory_indicator_values')
    .select(['commune_code', sql<string>`day::text`.as('day'), 'value'])
    .where('source_id', '=', latest.id)
    .where('indicator', '=', indicator)
    .where('day', '>', addDays(day, -SPACE_TIME_DAYS))
    .where('day', '<=', day)
    .execute();
  return { sourceId: latest.id, day, rows: rows.map((r) => ({ ...r, day: r.day.slice(0, 10) })) };
}

const METHOD =
  'Kulldorff’s spatial scan statistic, Poisson model: circles around each commune’s centre growing up to 50 % of the population, the log-likelihood ratio of cases inside against outside, p-value by 999 Monte Carlo replicas (fixed seed); secondary clusters do not overlap. Space-time permutation scan (Kulldorff 2005): the same circles over the last 1 to 7 days of 14, expected cases from the communes’ and days’ own totals, p-value by 999 permutations. Only clusters with p < 0.05 are shown.';

/** The communes' clusters for the zones' indicator (read as daily new cases), or none when it is not set or not such a count. */
export async function findClusters(deps: Pick<Deps, 'db'>, { territory }: Pick<RequestScope, 'territory'>): Promise<ClusterMapT> {
  const db = deps.db;
  const settings = await db.selectFrom('observatory_zone_settings').select(['indicator', 'mode']).where('territory_id', '=', territory.id).executeTakeFirst();
  const empty = (note: string): ClusterMapT => ({ indicator: settings?.indicator ?? null, day: null, method: METHOD, note, clusters: [] });
  if (!settings) return empty('No indicator chosen yet.');
  if (settings.mode !== 'incidence7d') return empty('The zones’ indicator is not a daily count of cases: no scan.');
  const data = await dailyCases(db, territory.id, settings.indicator);
  if (!data) return empty(`No values of « ${settings.indicator} » imported yet.`);
  const communes = await db.selectFrom('communes').select(['code', 'name', 'population', 'boundary']).where('territory_id', '=', territory.id).where('population', '>', 0).orderBy('code').execute();
  const centres = communes.map((c) => ({ ...c, ...boundaryCentre(c.boundary) }));
  const refLat = centres.reduce((s, c) => s + c.lat, 0) / Math.max(1, centres.length);
  const days = Array.from({ length: SPACE_TIME_DAYS }, (_, i) => addDays(data.day, i - SPACE_TIME_DAYS + 1));
  const byCommune = new Map<string, Map<string, number>>();
  for (const r of data.rows) {
    const own = byCommune.get(r.commune_code) ?? new Map<string, number>();
    own.set(r.day, Math.max(0, Math.round(r.value)));
    byCommune.set(r.commune_code, own);
  }
  const places = centres.map((c) => ({ id: c.code, population: c.population, ...toLocalMetres(c.lat, c.lon, refLat) }));
  const spatial = places.map((p) => {
    const own = byCommune.get(p.id);
    return { ...p, cases: days.slice(-7).reduce((s, d) => s + (own?.get(d) ?? 0), 0) };
  });
  const spaceTime = places.map((p) => ({ ...p, casesByDay: days.map((d) => byCommune.get(p.id)?.get(d) ?? 0) }));
  const total = spatial.reduce((s, c) => s + c.cases, 0);
  const found: Cluster[] = total === 0 ? [] : [...scanPoisson(spatial, { replicas: REPLICAS, seed: 1 }), ...scanSpaceTime(spaceTime, { replicas: REPLICAS, seed: 1, maxDays: 7 })];
  const nameOf = new Map(centres.map((c) => [c.code, c]));
  const clusters = found
    .filter((c) => c.pValue < SIGNIFICANCE)
    .map((c) => ({
      method: c.method,
      centre: { communeCode: c.centre, name: nameOf.get(c.centre)?.name ?? c.centre, lat: nameOf.get(c.centre)?.lat ?? 0, lon: nameOf.get(c.centre)?.lon ?? 0 },
      radiusMetres: Math.round(c.radiusMetres / 10) * 10,
      communes: c.cellIds.map((id) => ({ communeCode: id, name: nameOf.get(id)?.name ?? id })),
      cases: c.cases,
      expected: Math.round(c.expected * 10) / 10,
      relativeRisk: c.relativeRisk === null ? null : Math.round(c.relativeRisk * 100) / 100,
      pValue: c.pValue,
      days: c.days ?? 7,
      replicas: c.replicas,
    }));
  return { indicator: settings.indicator, day: data.day, method: METHOD, note: clusters.length === 0 ? 'No significant cluster.' : null, clusters };
}

/** Communes inside a significant cluster, for the zones' colours. */
export function communesInClusters(map: ClusterMapT): Set<string> {
  return new Set(map.clusters.flatMap((c) => c.communes.map((x) => x.communeCode)));
}
