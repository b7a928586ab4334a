// Seeding on a real database: the demo territory, its demo accounts, determinism, atomicity.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/database.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';
import { loadCommunes } from './load-communes.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from './seed-demo.ts';
import { ensureDemoCorridors } from './seed-corridors.ts';
import { seedDemoMobility } from './seed-mobility.ts';
import { ensureDemoCampaign } from './seed-campaign.ts';
import { ensureDemoShops } from './seed-incentives.ts';
import { seedTerritory } from './seed-territory.ts';
import { delaySavedForGestures } from '../corridors/index.ts';

describe.each(databaseKinds())('demo seed on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedDemoIfEmpty(t.database.db, 500);
    await ensureDemoCorridors(t.database.db);
    await seedDemoMobility(t.database.db, t.clock.now());
  });
  afterAll(() => t.close());

  it('creates Dijon Métropole with its 23 communes and their INSEE populations', async () => {
    const communes = await loadCommunes();
    const res = await new Client(t.app).get(`/api/territories/${DEMO_SLUG}`);
    expect(res.json()).toMatchObject({
      name: 'Dijon Métropole',
      figures: { communes: 23, population: communes.reduce((s, c) => s + c.population, 0), residents: 500 + DEMO_ACCOUNTS.length },
    });
    expect(communes).toHaveLength(23);
  });

  it('spreads residents by population: Dijon, the largest commune, has the most', async () => {
    const res = await new Client(t.app).get(`/api/territories/${DEMO_SLUG}/communes`);
    const features: { properties: { name: string; residents: number } }[] = res.json().features;
    const top = [...features].sort((a, b) => b.properties.residents - a.properties.residents)[0];
    expect(top?.properties.name).toBe('Dijon');
  });

  it('creates about forty communities of every kind, each with an organiser', async () => {
    const rows = await sql<{ kind: string; n: string; without: string }>`
      select kind, count(*) as n,
        count(*) filter (where not exists (select 1 from community_members m where m.community_id = c.id and m.role = 'organiser')) as without
      from communities c group by kind`.execute(t.database.db);
    const total = rows.rows.reduce((s, r) => s + Number(r.n), 0);
    expect(total).toBe(41);
    expect(rows.rows.map((r) => r.kind).sort()).toEqual(['association', 'neighbourhood', 'other', 'school', 'workplace']);
    expect(rows.rows.every((r) => r.without === '0')).toBe(true);
  });

  it('lets every demo account sign in with its roles', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const client = await new Client(t.app).signIn(account.email, DEMO_PASSWORD);
      const me = (await client.get('/api/me')).json();
      expect(me.territories[0].roles).toEqual(account.roles);
    }
  });

  it('ships four corridors with a real queue and synthetic mobility that the impact pages can show', async () => {
    const corridors = (await new Client(t.app).get(`/api/territories/${DEMO_SLUG}/corridors`)).json().items;
    expect(corridors).toHaveLength(4);
    expect(corridors.every((c: { periods: { vehicleHoursToday: number }[] }) => c.periods[0]!.vehicleHoursToday > 0)).toBe(true);
    const impact = (await new Client(t.app).get(`/api/territories/${DEMO_SLUG}/impact?weeks=6`)).json();
    expect(impact.totals.modeSwitches).toBeGreaterThan(50);
    expect(impact.totals.co2eKg).toBeGreaterThan(0);
    expect(impact.totals.carpools).toBeGreaterThan(20); // demo/carpool-history.ts: rides done over past weeks
    const trips = await t.database.db.selectFrom('carpool_trips').select('id').execute();
    expect(trips.length).toBeGreaterThan(10);
    expect(await seedDemoMobility(t.database.db, t.clock.now())).toBe(0); // once only
  });

  it('seeds shift commitments from the queue model\'s advice, so every demo shift spares the other drivers some delay', async () => {
    const db = t.database.db;
    const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirstOrThrow();
    const shifts = await db.selectFrom('gestures').select(['id', 'from_slot', 'to_slot']).where('territory_id', '=', territory.id).where('kind', '=', 'shift').execute();
    expect(shifts.length).toBeGreaterThan(5);
    // The visitor's advice on every demo corridor is to leave the 08:00 (or 07:45) peak for 07:30: never one slot earlier into the jam.
    expect(shifts.every((s) => s.to_slot === 4 && (s.from_slot === 5 || s.from_slot === 6))).toBe(true);
    const saved = await delaySavedForGestures(db, territory.id, shifts.map((s) => s.id));
    expect(saved.byGesture.size).toBe(shifts.length);
    expect(Math.min(...saved.byGesture.values())).toBeGreaterThan(0);
    expect(saved.days.every((d) => d.othersVehicleHours > 0)).toBe(true);
  });

  it('launches one demo campaign that pays recorded gestures within its budget, visible with its rules and spending', async () => {
    await ensureDemoShops(t.database.db);
    const paid = await ensureDemoCampaign(t.database.db, t.clock.now());
    expect(paid).toBeGreaterThan(0);
    expect(await ensureDemoCampaign(t.database.db, t.clock.now())).toBeNull(); // once only
    const items = (await new Client(t.app).get(`/api/territories/${DEMO_SLUG}/campaigns`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'active', mode: 'payout', spentCents: paid, budgetCents: 150_000 });
    expect(items[0].spentCents).toBeLessThanOrEqual(items[0].budgetCents);
    expect(items[0].people).toBeGreaterThan(0);
  });

  it('does nothing on a database that already has a territory', async () => {
    expect(await seedDemoIfEmpty(t.database.db, 500)).toBeNull();
  });

  it('refuses an existing slug and leaves nothing half-written', async () => {
    const before = await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(seedTerritory(t.database.db, { slug: DEMO_SLUG, name: 'Again', residents: 10 })).rejects.toThrow(/already exists/);
    const after = await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('seed determinism', () => {
  it('builds the same residents and communities from the same seed', async () => {
    const names = async () => {
      const h = await openTestDatabase('pglite');
      try {
        await seedTerritory(h.db, { slug: 'same', name: 'Same', residents: 200, seed: 42 });
        const users = await h.db.selectFrom('users').select('display_name').orderBy('id').execute();
        const communities = await h.db.selectFrom('communities').select(['name', 'kind']).orderBy('id').execute();
        return { users, communities };
      } finally {
        await h.close();
      }
    };
    expect(await names()).toEqual(await names());
  });
});
