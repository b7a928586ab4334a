// The territory card and its communes over HTTP: the figures and bounding box it gives, counted again after joins, and
// a bounding box drawn again when the territory's communes change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/database.ts';
import { buildTerritory, buildUser, type TerritoryFixture } from '../../../test/support/factories.ts';
import { Client, startTestApp, type TestApp } from '../../../test/support/http.ts';

/** Compares a bounding box to the expected degrees (sums of decimals carry floating-point noise). */
const expectBox = (box: number[], expected: number[]) => {
  expect(box).toHaveLength(4);
  box.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
};
const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]] });

describe.each(databaseKinds())('territory card on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let other: TerritoryFixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    other = await buildTerritory(t.database.db);
  });
  afterAll(() => t?.close());

  const card = async (slug = territory.slug) => {
    const res = await new Client(t.app).get(`/api/territories/${slug}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('gives the communes, their population, residents and communities, and the box around the communes', async () => {
    const first = await card();
    expect(first.slug).toBe(territory.slug);
    expect(first.figures).toEqual({ communes: 2, population: 4000, residents: 0, communities: 0 });
    expectBox(first.bbox, [5, 47, 5.2, 47.1]);
    await buildUser(t.database.db, { territory });
    await buildUser(t.database.db, { territory });
    await buildUser(t.database.db, { territory: other });
    expect((await card()).figures.residents).toBe(2);
    expect((await card(other.slug)).figures.residents).toBe(1);
  });

  it('draws the box again once a commune is added', async () => {
    expectBox((await card()).bbox, [5, 47, 5.2, 47.1]);
    await t.database.db
      .insertInto('communes')
      .values({ territory_id: territory.id, code: '21003', name: 'Gamma', population: 500, boundary: JSON.stringify(square(4.5, 46.5)) })
      .execute();
    const after = await card();
    expect(after.figures.communes).toBe(3);
    expect(after.figures.population).toBe(4500);
    expectBox(after.bbox, [4.5, 46.5, 5.2, 47.1]);
    expectBox((await card(other.slug)).bbox, [5, 47, 5.2, 47.1]);
  });

  it('counts the residents of each commune for the map', async () => {
    const res = await new Client(t.app).get(`/api/territories/${territory.slug}/communes`);
    expect(res.statusCode).toBe(200);
    const byCode = Object.fromEntries(res.json().features.map((f: { properties: { code: string; residents: number } }) => [f.properties.code, f.properties.residents]));
    // The two residents built above live in 21001 (the factory's commune).
    expect(byCode).toEqual({ '21001': 2, '21002': 0, '21003': 0 });
  });
});
