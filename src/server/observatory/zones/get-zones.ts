/**
 * @module Green, orange and red zones per commune, public: read from the indicator an admin chose (imported from
 * an authority's open data, with its source and licence) against the admin's thresholds. The figures are the
 * authority's own aggregates per commune, never a person. Also given as Smart Data Models `Alert`s for every
 * orange or red commune.
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/database/schema.ts';
import type { RequestScope } from '../../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../../core/unit-of-work.ts';
import { AppError } from '../../core/errors.ts';
import { auditActor, recordAudit } from '../../audit/index.ts';
import { requireTerritoryRole } from '../../territories/index.ts';
import { communesInClusters, findClusters } from './find-clusters.ts';
import { boundaryCentre, classifyZone, incidence7d } from './model.ts';
import type { ZoneMapT, ZoneSettingsBodyT, ZoneT } from './schemas.ts';

async function communesOf(db: Executor, territoryId: string) {
  const rows = await db.selectFrom('communes').select(['code', 'name', 'population', 'boundary']).where('territory_id', '=', territoryId).orderBy('name').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, population: r.population, ...boundaryCentre(r.boundary) }));
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const METHOD = {
  incidence7d: (ind: string, o: number, r: number) => `New cases (« ${ind} ») over the 7 days ending on the day, per 100,000 inhabitants (INSEE population): orange from ${o}, red from ${r}. A commune with a day missing in the 7 has no colour.`,
  latest: (ind: string, o: number, r: number) => `The latest published value of « ${ind} » per commune: orange from ${o}, red from ${r}.`,
};

export async function getZones(deps: Pick<Deps, 'db'>, { territory }: Pick<RequestScope, 'territory'>): Promise<ZoneMapT> {
  const db = deps.db;
  const inCluster = communesInClusters(await findClusters(deps, { territory }));
  const communes = await communesOf(db, territory.id);
  const settings = await db.selectFrom('observatory_zone_settings').selectAll().where('territory_id', '=', territory.id).executeTakeFirst();
  const none = (method: string): ZoneMapT => ({
    configured: Boolean(settings), indicator: settings?.indicator ?? null, mode: settings?.mode ?? null, thresholds: settings ? { orange: settings.orange, red: settings.red } : null, day: null, source: null, method,
    zones: communes.map((c) => ({ communeCode: c.code, name: c.name, population: c.population, lat: c.lat, lon: c.lon, colour: null, value: null, reason: 'no_data' as const })), alerts: [],
  });
  if (!settings) return none('No indicator chosen yet: an admin sets the indicator and its thresholds.');
  // The newest import carrying this indicator is the source the colours are read from.
  const latest = await db
    .selectFrom('observatory_indicator_values as v')
    .innerJoin('observatory_indicator_sources as s', 's.id', 'v.source_id')
    .select(['s.id', 's.title', 's.publisher', 's.licence', 's.url', 's.imported_at', sql<string>`max(v.day)::text`.as('day')])
    .where('v.territory_id', '=', territory.id)
    .where('v.indicator', '=', settings.indicator)
    .groupBy(['s.id', 's.title', 's.publisher', 's.licence', 's.url', 's.imported_at'])
    .orderBy('s.imported_at', 'desc')
    .orderBy('s.id', 'desc')
    .executeTakeFirst();
  if (!latest) return none(`No values of « ${settings.indicator} » imported yet.`);
  const day = latest.day.slice(0, 10);
  const values = await db
    .selectFrom('observatory_indicator_values')
    .select(['commune_code', sql<string>`day::text`.as('day'), 'value'])
    .where('source_id', '=', latest.id)
    .where('indicator', '=', settings.indicator)
    .where('day', '>=', addDays(day, settings.mode === 'incidence7d' ? -6 : 0))
    .where('day', '<=', day)
    .execute();
  const byCommune = new Map<string, { day: string; value: number }[]>();
  for (const v of values) byCommune.set(v.commune_code, [...(byCommune.get(v.commune_code) ?? []), { day: v.day.slice(0, 10), value: v.value }]);
  const thresholds = { orange: settings.orange, red: settings.red };
  const zones: ZoneT[] = communes.map((c) => {
    const own = byCommune.get(c.code) ?? [];
    const value = settings.mode === 'incidence7d' ? incidence7d(own, c.population, day) : (own.find((v) => v.day === day)?.value ?? null);
    const zone = classifyZone(value === null ? null : Math.round(value * 10) / 10, thresholds, inCluster.has(c.code));
    return { communeCode: c.code, name: c.name, population: c.population, lat: c.lat, lon: c.lon, ...zone };
  });
  const issued = new Date(latest.imported_at);
  const alerts = zones
    .filter((z) => z.colour === 'orange' || z.colour === 'red')
    .map((z) => ({
      id: `urn:ngsi-ld:Alert:${territory.slug}:zone:${z.communeCode}:${day}`,
      type: 'Alert' as const,
      category: 'health' as const,
      subCategory: settings.indicator,
      severity: z.colour === 'red' ? ('high' as const) : ('medium' as const),
      description: `${z.name}: ${z.colour === 'red' ? 'red' : 'orange'} zone (${z.reason === 'cluster' ? 'inside a significant cluster' : `${z.value} against ${z.colour === 'red' ? settings.red : settings.orange}`}).`,
      alertSource: `${latest.publisher} — ${latest.title} (${latest.licence})`,
      dateIssued: issued,
      validFrom: new Date(`${day}T00:00:00Z`),
      location: { type: 'Point' as const, coordinates: [z.lon, z.lat] as [number, number] },
    }));
  return {
    configured: true, indicator: settings.indicator, mode: settings.mode, thresholds, day,
    source: { title: latest.title, publisher: latest.publisher, licence: latest.licence, url: latest.url, importedAt: issued },
    method: METHOD[settings.mode](settings.indicator, settings.orange, settings.red),
    zones, alerts,
  };
}

/** An admin chooses the indicator and its thresholds (audited). */
export async function setZoneSettings(deps: Pick<Deps, 'db' | 'clock'>, scope: RequestScope, input: ZoneSettingsBodyT): Promise<ZoneMapT> {
  const { territory, viewer, requestId } = scope;
  const actor = await requireTerritoryRole(deps.db, territory, viewer, ['admin']);
  if (input.red < input.orange) throw new AppError('invalid', 'The red threshold must be at or above the orange one.', { field: '/red', reason: 'thresholds_order' });
  const now = deps.clock.now();
  const values = { indicator: input.indicator.trim(), mode: input.mode ?? 'incidence7d', orange: input.orange, red: input.red, updated_by: actor.userId, updated_at: now };
  await inUnitOfWork(deps, async ({ db }) => {
    await db.insertInto('observatory_zone_settings').values({ territory_id: territory.id, ...values }).onConflict((oc) => oc.column('territory_id').doUpdateSet(values)).execute();
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.zones_configured', subjectType: 'territory', subjectId: territory.id, details: { indicator: values.indicator, mode: values.mode, orange: values.orange, red: values.red }, requestId, at: now });
  });
  return getZones(deps, scope);
}
