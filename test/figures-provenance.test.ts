// Every figure the API returns about impact, corridors, commitments and campaigns carries its provenance
// (method, dated sources, or a pointer to the factors version with its edition), and is rounded by the one
// rule: walked over real HTTP responses of the seeded demo territory, on both engines.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/database.ts';
import { Client, startTestApp, type TestApp } from './support/http.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SLUG, seedDemoIfEmpty } from '../src/server/demo/seed-demo.ts';
import { ensureDemoCorridors } from '../src/server/demo/seed-corridors.ts';
import { seedDemoMobility } from '../src/server/demo/seed-mobility.ts';
import { ensureDemoShops } from '../src/server/demo/seed-incentives.ts';
import { ensureDemoCampaign } from '../src/server/demo/seed-campaign.ts';
import { demoCampaign } from '../src/server/demo/seed-campaign.ts';
import { localDate } from '../src/server/core/time-of-day.ts';

/** Identifiers and calendar positions, not figures: a slot number or a version says where, not how much. */
const IDENTIFIERS = new Set(['version', 'factorsVersion', 'fromSlot', 'toSlot', 'weekdays', 'fromSlots', 'weekday', 'slotMinutes', 'seed']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Finding { path: string; problem: string }

function provenanceProblems(p: unknown, path: string): Finding[] {
  const out: Finding[] = [];
  const block = p as { method?: unknown; sources?: unknown; factors?: unknown; rounding?: unknown };
  if (!Array.isArray(block.method) || block.method.length === 0 || !block.method.every((m) => typeof m === 'string' && m.length > 0)) out.push({ path, problem: 'provenance without method' });
  const sources = Array.isArray(block.sources) ? (block.sources as { label?: unknown; date?: unknown }[]) : null;
  const factors = Array.isArray(block.factors) ? (block.factors as { href?: unknown; edition?: { id?: unknown; date?: unknown } }[]) : null;
  if (!sources || !factors) out.push({ path, problem: 'provenance without sources or factors arrays' });
  else if (sources.length + factors.length === 0) out.push({ path, problem: 'provenance with neither a source nor a factors pointer' });
  for (const s of sources ?? []) if (typeof s.label !== 'string' || typeof s.date !== 'string' || !DAY.test(s.date)) out.push({ path, problem: `source without label or date: ${JSON.stringify(s)}` });
  for (const f of factors ?? []) {
    if (typeof f.href !== 'string' || !/\/impact\/factors\?version=\d+$/.test(f.href)) out.push({ path, problem: `factors pointer without href: ${JSON.stringify(f)}` });
    if (typeof f.edition?.id !== 'string' || typeof f.edition.date !== 'string' || !DAY.test(f.edition.date)) out.push({ path, problem: 'factors pointer without edition id and date' });
  }
  if (typeof block.rounding !== 'string') out.push({ path, problem: 'provenance without its rounding rule' });
  return out;
}

/** Every numeric figure with no provenance on itself or an enclosing object, every badly rounded one, every bad provenance block. */
function findUnsourced(value: unknown, path = '', covered = false, key = ''): Finding[] {
  if (typeof value === 'number') {
    const out: Finding[] = [];
    if (!covered && !IDENTIFIERS.has(key)) out.push({ path, problem: `figure ${value} without provenance` });
    if (Number.isFinite(value) && Number(value.toPrecision(12)) !== value) out.push({ path, problem: `figure ${value} carries binary noise` });
    return out;
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findUnsourced(v, `${path}/${i}`, covered, key));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const here = 'provenance' in record;
  const out = here ? provenanceProblems(record.provenance, `${path}/provenance`) : [];
  for (const [k, v] of Object.entries(record)) if (k !== 'provenance') out.push(...findUnsourced(v, `${path}/${k}`, covered || here, k));
  return out;
}

describe('findUnsourced (the walker itself)', () => {
  it('flags a bare figure, binary noise and an empty provenance, and passes a covered one', () => {
    const good = { method: ['m'], sources: [{ label: 'x', url: null, date: '2026-05-04' }], factors: [], rounding: 'r' };
    expect(findUnsourced({ co2eKg: 7.8 })).toEqual([{ path: '/co2eKg', problem: 'figure 7.8 without provenance' }]);
    expect(findUnsourced({ provenance: good, weeks: [{ co2eKg: 7.822800000000001 }] })).toEqual([{ path: '/weeks/0/co2eKg', problem: 'figure 7.822800000000001 carries binary noise' }]);
    expect(findUnsourced({ provenance: { ...good, sources: [] }, n: 1 }).map((f) => f.problem)).toEqual(['provenance with neither a source nor a factors pointer']);
    expect(findUnsourced({ provenance: good, items: [{ euros: 6.4, version: 2 }] })).toEqual([]);
    expect(findUnsourced({ version: 2, fromSlot: 3 })).toEqual([]);
  });
});

describe.each(databaseKinds())('every figure has its provenance, on %s', (kind) => {
  let t: TestApp;
  const T = `/api/territories/${DEMO_SLUG}`;
  let resident: Client;
  let operator: Client;
  let organiser: Client;
  let communityId: string;
  let corridorId: string;
  let commitmentId: string;
  let campaignId: string;
  let inserted: number;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    await seedDemoIfEmpty(db, 300);
    await ensureDemoCorridors(db);
    inserted = await seedDemoMobility(db, t.clock.now());
    await ensureDemoShops(db);
    await ensureDemoCampaign(db, t.clock.now());
    const account = (note: string) => DEMO_ACCOUNTS.find((a) => a.note.startsWith(note))!.email;
    resident = await new Client(t.app).signIn(account('resident'), DEMO_PASSWORD);
    operator = await new Client(t.app).signIn(account('city operator'), DEMO_PASSWORD);
    organiser = await new Client(t.app).signIn(account('organiser'), DEMO_PASSWORD);
    communityId = (await db.selectFrom('communities').select('id').where('invite_code', '=', 'DEMOVOISINS').executeTakeFirstOrThrow()).id;
    corridorId = (await db.selectFrom('corridors').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    campaignId = (await db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow()).id;
    const day = 86_400_000;
    const now = t.clock.now().getTime();
    const created = await organiser.post(`${T}/commitments`, {
      wording: 'Je pars un quart d’heure plus tôt si 5 % des conducteurs le font aussi',
      action: 'shift',
      scope: { kind: 'corridor', corridorId, target: { kind: 'share', share: 0.05, base: 30 } },
      signingDeadline: new Date(now + 7 * day).toISOString(),
      actionStart: new Date(now + 8 * day).toISOString(),
      actionEnd: new Date(now + 30 * day).toISOString(),
    });
    expect(created.statusCode, created.body).toBe(201);
    commitmentId = created.json().id;
    expect((await resident.post(`${T}/commitments/${commitmentId}/sign`, {})).statusCode).toBe(200);
  }, 300_000);
  afterAll(() => t.close());

  it('counts, in the start log, the gesture rows actually inserted', async () => {
    const rows = await sql<{ n: string }>`select count(*) as n from gestures`.execute(t.database.db);
    expect(inserted).toBe(Number(rows.rows[0]!.n));
    expect(inserted).toBeGreaterThan(0);
  });

  it('walks impact, corridor, commitment and campaign responses and finds no figure without provenance', async () => {
    const today = localDate(t.clock.now());
    const reads: [Client, string][] = [
      [resident, `${T}/impact?weeks=8`],
      [resident, `${T}/impact/me?weeks=8`],
      [resident, `${T}/communities/${communityId}/impact`],
      [resident, `${T}/impact/rankings`],
      [resident, `${T}/impact/factors`],
      [resident, `${T}/impact/factors?version=1`],
      [resident, `${T}/impact/factors/versions`],
      [resident, `${T}/corridors`],
      [resident, `${T}/corridors/${corridorId}`],
      [resident, `${T}/shift-commitments/mine`],
      [resident, `${T}/commitments`],
      [resident, `${T}/commitments/${commitmentId}`],
      [resident, `${T}/me/commitments`],
      [operator, `${T}/campaigns`],
      [operator, `${T}/campaigns/${campaignId}`],
      [operator, `${T}/campaigns/${campaignId}/draws`],
    ];
    const findings: Finding[] = [];
    for (const [client, url] of reads) {
      const res = await client.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      findings.push(...findUnsourced(res.json(), url));
    }
    const writes: [Client, string, unknown][] = [
      [resident, `${T}/gestures/mode-switches`, { mode: 'bike', date: today, leg: 'other', km: 3.7, insteadOf: 'car_alone' }],
      [operator, `${T}/campaigns/simulate`, { campaign: demoCampaign(t.clock.now()), weeks: 4 }],
      [operator, `${T}/campaigns/${campaignId}/settle`, undefined],
    ];
    for (const [client, url, body] of writes) {
      const res = await client.post(url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      findings.push(...findUnsourced(res.json(), `POST ${url}`));
    }
    expect(findings).toEqual([]);
  });

  it('points impact figures to a factors version that answers with its dated edition', async () => {
    const view = (await resident.get(`${T}/impact?weeks=8`)).json();
    expect(view.provenance.factors.length).toBeGreaterThan(0);
    for (const pointer of view.provenance.factors) {
      const res = await resident.get(pointer.href);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: pointer.version, edition: { id: pointer.edition.id, date: pointer.edition.date } });
    }
    expect(view.provenance.factors.map((f: { edition: { id: string } }) => f.edition.id)).toContain('impactco2-2026-05-04');
  });

  it('rounds by the one rule: CO2e and euros to 2 significant figures, never below the unit', async () => {
    const view = (await resident.get(`${T}/impact?weeks=8`)).json();
    const significant = (x: number) => (x >= 10 ? Number.isInteger(x) : Number(x.toPrecision(2)) === x);
    expect(significant(view.totals.co2eKg)).toBe(true);
    expect(significant(view.totals.euros)).toBe(true);
    for (const w of view.weeks.filter((x: { co2eKg?: number }) => x.co2eKg !== undefined)) expect(significant(w.co2eKg)).toBe(true);
  });

  it('labels a corridor’s suggested share with the queue model and its date, and a commitment’s needed share is required ÷ base', async () => {
    const corridor = (await resident.get(`${T}/corridors/${corridorId}`)).json();
    const am = corridor.periods.find((p: { period: string }) => p.period === 'am');
    if (am.shareNeeded) expect(am.shareNeeded).toMatchObject({ source: 'queue_model', computedOn: corridor.date });
    const commitment = (await resident.get(`${T}/commitments/${commitmentId}`)).json();
    expect(commitment.progress.buckets[0]).toMatchObject({ required: 2, neededShare: 0.0667 });
    expect(commitment.provenance.sources.map((s: { url: string | null }) => s.url)).toContain(`${T}/corridors/${corridorId}`);
  });
});
