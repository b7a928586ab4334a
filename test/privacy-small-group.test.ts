// The small-group rule as a property over every aggregate route: communities of 0 to 8 members with random gestures,
// each route read as anonymous, outsider, operator and member. Outside the group, no figure built from fewer than
// PRIVACY_MIN_GROUP people is present; members see their community whole; a private community and an unknown id
// answer alike (same status, same body but the request id). docs/privacy.md says what this guarantees.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/database.ts';
import { addMember, buildCommunity, buildTerritory, buildUser, PASSWORD, type TerritoryFixture, type UserFixture } from './support/factories.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';
import { localDate, weekStart } from '../src/server/core/time-of-day.ts';

const MIN = 5;
const SMALL = { suppressed: true, reason: 'small_group', minGroup: MIN };
const DAY = 86_400_000;

type Cell = Record<string, unknown> & { suppressed?: true };
const withoutRequestId = (body: string) => {
  const { requestId: _ignored, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
};

describe.each(databaseKinds())('small-group rule on %s', (kind) => {
  let t: TestApp;
  let territory: TerritoryFixture;
  let outsider: Client;
  let operator: Client;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp(kind);
    territory = await buildTerritory(t.database.db);
    outsider = await new Client(t.app).signIn((await buildUser(t.database.db, { territory })).email, PASSWORD);
    operator = await new Client(t.app).signIn((await buildUser(t.database.db, { territory, roles: ['resident', 'operator'] })).email, PASSWORD);
  });
  afterAll(() => t.close());

  const T = () => `/api/territories/${territory.slug}`;
  const today = () => localDate(t.clock.now());
  const dayBefore = (days: number) => localDate(new Date(t.clock.now().getTime() - days * DAY));

  async function gesture(user: UserFixture, date: string) {
    await t.database.db
      .insertInto('gestures')
      .values({ territory_id: territory.id, user_id: user.id, kind: 'mode_switch', mode: 'bike', occurred_on: date, km: 5, co2e_kg: 1, car_km: 5, euros: 1, factors_version: 1, counted: true, idempotency_key: `privacy-${(n += 1)}` })
      .execute();
  }

  /** Distinct people with a counted gesture per ISO week, from the database: the truth the responses are checked against. */
  async function peoplePerWeek(userIds: string[] | null): Promise<Map<string, number>> {
    let q = t.database.db.selectFrom('gestures').select(['occurred_on', 'user_id']).where('territory_id', '=', territory.id).where('counted', '=', true);
    if (userIds) q = userIds.length === 0 ? q.where('user_id', '=', '0') : q.where('user_id', 'in', userIds);
    const sets = new Map<string, Set<string>>();
    for (const r of await q.execute()) {
      const w = weekStart(String(r.occurred_on).slice(0, 10));
      sets.set(w, (sets.get(w) ?? new Set()).add(r.user_id!));
    }
    return new Map([...sets].map(([w, s]) => [w, s.size]));
  }

  /** A week is shown exactly when at least MIN people built it; shown, its people count is the truth. */
  function expectWeeksGuarded(weeks: Cell[], truth: Map<string, number>) {
    for (const w of weeks) {
      const people = truth.get(w.weekOf as string) ?? 0;
      if (people < MIN) expect(w).toEqual({ weekOf: w.weekOf, ...SMALL });
      else expect(w).toMatchObject({ people });
    }
  }

  it('shows outside a community only figures built from at least PRIVACY_MIN_GROUP people, and members see it whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('public' as const, 'private' as const),
        fc.array(fc.tuple(fc.nat(7), fc.integer({ min: 0, max: 6 })), { maxLength: 20 }),
        async (size, visibility, moves) => {
          const db = t.database.db;
          const organiser = await buildUser(db, { territory });
          const community = await buildCommunity(db, { territory, organiser, visibility });
          const members: UserFixture[] = [organiser];
          for (let i = 1; i < size; i++) {
            const u = await buildUser(db, { territory });
            await addMember(db, community, u);
            members.push(u);
          }
          if (size === 0) await db.deleteFrom('community_members').where('community_id', '=', community.id).execute();
          const active = members.slice(0, size);
          for (const [who, days] of moves) if (active.length > 0) await gesture(active[who % active.length]!, dayBefore(days));
          const truth = await peoplePerWeek(active.map((m) => m.id));
          const member = active.length > 0 ? await new Client(t.app).signIn(active[0]!.email, PASSWORD) : null;
          const readers: [string, Client][] = [['anonymous', new Client(t.app)], ['outsider', outsider], ['operator', operator]];

          // The community's impact and its mutual aid: a private community is the unknown id's 404 outside.
          const unknown = await outsider.get(`${T()}/communities/999999999/impact?weeks=2`);
          for (const [, reader] of readers) {
            const impact = await reader.get(`${T()}/communities/${community.id}/impact?weeks=2`);
            const help = await reader.get(`${T()}/mutual-aid/impact?weeks=2&community=${community.id}`);
            if (visibility === 'private') {
              for (const res of [impact, help]) {
                expect(res.statusCode).toBe(unknown.statusCode);
                expect(withoutRequestId(res.body)).toEqual(withoutRequestId(unknown.body));
              }
              continue;
            }
            const view = impact.json();
            expectWeeksGuarded(view.weeks, truth);
            if (view.weeks.every((w: Cell) => w.suppressed)) expect(view.totals).toEqual(SMALL);
            if (view.participation && !view.participation.suppressed) expect(Math.min(view.participation.active, view.participation.members - view.participation.active)).toBeGreaterThanOrEqual(MIN);
            // No mutual aid was given: every week is zero people, so nothing is shown outside.
            expect(help.json().weeks.every((w: Cell) => w.suppressed)).toBe(true);
            expect(help.json().totals).toEqual(SMALL);
          }
          if (member) {
            const view = (await member.get(`${T()}/communities/${community.id}/impact?weeks=2`)).json();
            for (const w of view.weeks) expect(w).toMatchObject({ people: truth.get(w.weekOf) ?? 0 });
            expect(view.participation).toMatchObject({ members: size, active: truth.get(weekStart(today())) ?? 0 });
            expect((await member.get(`${T()}/mutual-aid/impact?weeks=2&community=${community.id}`)).json().totals).toMatchObject({ requestsDone: 0 });
          }

          // Rankings: outside, a rate is shown only when both the active and the inactive members are at least MIN.
          for (const [, reader] of readers) {
            const row = (await reader.get(`${T()}/impact/rankings?limit=100`)).json().items.find((i: Cell) => i.communityId === community.id);
            if (visibility === 'private' || size === 0) continue;
            if (row === undefined) continue; // below the first 100 shown
            const activeNow = truth.get(weekStart(today())) ?? 0;
            if (Math.min(activeNow, size - activeNow) < MIN) expect(row).toEqual({ communityId: community.id, name: expect.any(String), members: size, ...SMALL });
            else expect(row).toMatchObject({ active: activeNow, members: size });
          }

          // The territory's public figures, for everyone.
          const territoryTruth = await peoplePerWeek(null);
          for (const [, reader] of [...readers, ...(member ? [['member', member] as [string, Client]] : [])]) {
            expectWeeksGuarded((await reader.get(`${T()}/impact?weeks=3`)).json().weeks, territoryTruth);
          }

          // A campaign simulated for this community: private is refused exactly as an unknown id is.
          const draft = (ids: string[]) => ({
            campaign: { name: 'Essai', mode: 'payout', startsOn: dayBefore(-10), endsOn: dayBefore(-40), budgetCents: 1_000_000, rules: [{ type: 'per_gesture', cents: 100 }, { type: 'in_communities', ids }] },
            weeks: 2,
          });
          const sim = await operator.post(`${T()}/campaigns/simulate`, draft([community.id]));
          const simUnknown = await operator.post(`${T()}/campaigns/simulate`, draft(['999999999']));
          expect([simUnknown.statusCode, simUnknown.json().field]).toEqual([400, '/campaign/rules/1/ids/0']);
          if (visibility === 'private') {
            expect(sim.statusCode).toBe(400);
            expect(withoutRequestId(sim.body)).toEqual(withoutRequestId(simUnknown.body));
          } else {
            expect(sim.statusCode, sim.body).toBe(200);
            const s = sim.json();
            const paid = new Set(moves.length > 0 && active.length > 0 ? moves.map(([who]) => active[who % active.length]!.id) : []).size;
            if (paid < MIN) expect(s).toMatchObject({ totalCents: SMALL, paidGestures: SMALL, perPerson: SMALL, capsBit: SMALL });
            for (const w of s.perWeek) if (!w.suppressed) expect(truth.get(w.weekOf) ?? 0).toBeGreaterThanOrEqual(MIN);
            if (!s.totalCents.suppressed) expect(paid).toBeGreaterThanOrEqual(MIN);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 600_000);
});
