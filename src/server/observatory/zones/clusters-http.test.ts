// Clusters over HTTP on a real database, both engines: a 5 × 5 grid of communes of equal population, an
// imported daily count of cases with a planted excess in three neighbouring communes over the last week; the
// public clusters route finds them (p < 0.05, relative risk above 1, the method in words), the zones route
// raises them to at least orange, and an even spread of cases finds no cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../test/support/database.ts';
import { buildUser, PASSWORD } from '../../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../../test/support/http.ts';

const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.02], [x, y + 0.02], [x, y]]] });
const code = (i: number, j: number) => `21${String(i * 5 + j).padStart(3, '0')}`;
const HOT = new Set([code(1, 1), code(1, 2), code(2, 1)]);

describe.each(databaseKinds())('observatory clusters on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { MAILLE_DEMO: 'false' });
  });
  afterAll(() => t.close());

  /** A territory of 25 communes of 10,000 people, its admin, and 14 days of cases given by `cases(code, day)`. */
  async function territoryWith(cases: (commune: string, dayIndex: number) => number): Promise<{ slug: string; admin: Client }> {
    const db = t.database.db;
    const slug = `grid-${Math.random().toString(36).slice(2, 8)}`;
    const territory = await db.insertInto('territories').values({ slug, name: `Grille ${slug}`, boundary: JSON.stringify({ type: 'MultiPolygon', coordinates: [] }) }).returning('id').executeTakeFirstOrThrow();
    const communes = [];
    for (let i = 0; i < 5; i += 1) for (let j = 0; j < 5; j += 1) communes.push({ territory_id: territory.id, code: code(i, j), name: `Commune ${i}-${j}`, population: 10_000, boundary: JSON.stringify(square(5 + j * 0.02, 47 + i * 0.02)) });
    await db.insertInto('communes').values(communes).execute();
    const source = await db.insertInto('observatory_indicator_sources').values({ territory_id: territory.id, title: 'Cas quotidiens (exemple inventé)', publisher: 'Autorité sanitaire (exemple)', licence: 'Licence Ouverte 2.0', url: null }).returning('id').executeTakeFirstOrThrow();
    const days = Array.from({ length: 14 }, (_, k) => new Date(Date.UTC(2026, 10, 24 + k)).toISOString().slice(0, 10));
    await db.insertInto('observatory_indicator_values').values(communes.flatMap((c) => days.map((day, k) => ({ source_id: source.id, territory_id: territory.id, commune_code: c.code, day, indicator: 'cas', value: cases(c.code, k) })))).execute();
    const user = await buildUser(db, { territory: { id: territory.id, slug, name: slug }, roles: ['resident', 'admin'] });
    const admin = await new Client(t.app).signIn(user.email, PASSWORD);
    const set = await admin.put(`/api/territories/${slug}/observatory/zones/settings`, { indicator: 'cas', orange: 200, red: 400 });
    expect(set.statusCode, set.body).toBe(200);
    return { slug, admin };
  }

  it('finds the planted cluster with its communes, relative risk and p-value, and colours them at least orange', async () => {
    // 2 cases a day everywhere; 12 a day in three neighbours over the last 7 days.
    const { slug } = await territoryWith((c, k) => (HOT.has(c) && k >= 7 ? 12 : 2));
    const anonymous = new Client(t.app);
    const res = await anonymous.get(`/api/territories/${slug}/observatory/zones/clusters`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ day: string; method: string; clusters: { method: string; communes: { communeCode: string }[]; pValue: number; relativeRisk: number; replicas: number }[] }>();
    expect(body.day).toBe('2026-12-07');
    expect(body.method).toContain('Kulldorff');
    const spatial = body.clusters.find((c) => c.method === 'kulldorff-poisson');
    expect(spatial).toBeDefined();
    // A circle: the three hot communes, and at most the one or two a circle around them cannot leave out.
    const inside = spatial!.communes.map((c) => c.communeCode);
    expect(inside).toEqual(expect.arrayContaining([...HOT]));
    expect(inside.length).toBeLessThanOrEqual(5);
    expect(spatial!.pValue).toBeLessThan(0.05);
    expect(spatial!.relativeRisk).toBeGreaterThan(3);
    expect(spatial!.replicas).toBe(999);
    expect(body.clusters.some((c) => c.method === 'space-time-permutation' && c.communes.some((x) => HOT.has(x.communeCode)))).toBe(true);
    const zones = (await anonymous.get(`/api/territories/${slug}/observatory/zones`)).json<{ zones: { communeCode: string; colour: string }[] }>();
    for (const z of zones.zones) {
      // Hot: 84 cases a week per 10,000 = 840 per 100,000, red; others 140 per 100,000, green unless a cluster's circle took them in.
      if (HOT.has(z.communeCode)) expect(z.colour).toBe('red');
      else expect(z.colour).toBe(inside.includes(z.communeCode) ? 'orange' : 'green');
    }
  });

  it('finds no significant cluster when cases are spread evenly', async () => {
    const { slug } = await territoryWith(() => 3);
    const body = (await new Client(t.app).get(`/api/territories/${slug}/observatory/zones/clusters`)).json<{ clusters: unknown[]; note: string }>();
    expect(body.clusters).toEqual([]);
    expect(body.note).toBe('No significant cluster.');
  });
});
