/** @module Seeds a territory: communes, deterministic synthetic residents and communities, in one transaction. */
import type { Database, Transaction } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { newCode } from '../core/auth/tokens.ts';
import { loadCommunes, territoryBoundary, type CommuneFeature } from './load-communes.ts';
import { planCommunities, residentName, spreadByPopulation } from './plan.ts';
import { seededRandom, type Random } from '../core/random.ts';

export interface SeedOptions {
  slug: string;
  name: string;
  residents: number;
  /** Same seed, same territory. */
  seed?: number;
  communities?: number;
  onProgress?: (done: number, total: number) => void;
  /** Extra work inside the same transaction, once the territory exists (demo accounts). */
  afterSeed?: (trx: Transaction, territoryId: string, communes: CommuneFeature[]) => Promise<void>;
}

export interface SeedResult {
  territoryId: string;
  residents: number;
  communities: number;
  memberships: number;
}

const BATCH = 1000;

export async function seedTerritory(db: Database, options: SeedOptions): Promise<SeedResult> {
  const communes = await loadCommunes();
  const random = seededRandom(options.seed ?? 2026);
  const communityCount = options.communities ?? Math.max(40, Math.round((40 * options.residents) / 2000));
  const total = options.residents + communityCount;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('territories').select('id').where('slug', '=', options.slug).executeTakeFirst();
    if (exists) throw new AppError('conflict', `Territory "${options.slug}" already exists; choose another slug.`);
    const territory = await trx
      .insertInto('territories')
      .values({ slug: options.slug, name: options.name, boundary: JSON.stringify(territoryBoundary(communes)) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('communes')
      .values(communes.map((c) => ({ territory_id: territory.id, code: c.code, name: c.name, population: c.population, boundary: JSON.stringify(c.boundary) })))
      .execute();
    const byCommune = await insertResidents(trx, territory.id, communes, options.residents, random, progress);
    const memberships = await insertCommunities(trx, territory.id, communes, byCommune, communityCount, random, progress);
    await options.afterSeed?.(trx, territory.id, communes);
    return { territoryId: territory.id, residents: options.residents, communities: communityCount, memberships };
  });
}

/** Inserts residents commune by commune; returns their ids grouped by commune code. */
async function insertResidents(
  trx: Transaction,
  territoryId: string,
  communes: CommuneFeature[],
  total: number,
  random: Random,
  progress: (n: number) => void,
): Promise<Map<string, string[]>> {
  const counts = spreadByPopulation(total, communes);
  const queue: { code: string; name: string }[] = [];
  communes.forEach((c, i) => {
    for (let k = 0; k < counts[i]!; k += 1) queue.push({ code: c.code, name: residentName(random) });
  });
  const byCommune = new Map<string, string[]>(communes.map((c) => [c.code, []]));
  for (let start = 0; start < queue.length; start += BATCH) {
    const batch = queue.slice(start, start + BATCH);
    const ids = await trx
      .insertInto('users')
      .values(batch.map((r) => ({ email: null, password_hash: null, display_name: r.name, synthetic: true, deleted_at: null })))
      .returning('id')
      .execute();
    // A multi-row INSERT … RETURNING gives rows in VALUES order in PostgreSQL.
    const rows = batch.map((r, i) => ({ territory_id: territoryId, user_id: ids[i]!.id, commune_code: r.code }));
    await trx.insertInto('territory_members').values(rows).execute();
    for (const row of rows) byCommune.get(row.commune_code)!.push(row.user_id);
    progress(batch.length);
  }
  return byCommune;
}

async function insertCommunities(
  trx: Transaction,
  territoryId: string,
  communes: CommuneFeature[],
  byCommune: Map<string, string[]>,
  count: number,
  random: Random,
  progress: (n: number) => void,
): Promise<number> {
  const everyone = [...byCommune.values()].flat();
  const plans = planCommunities(random, count, communes, everyone.length);
  let memberships = 0;
  let pending: { territory_id: string; community_id: string; user_id: string; role: 'member' | 'organiser'; status: 'active' }[] = [];
  for (const plan of plans) {
    const community = await trx
      .insertInto('communities')
      .values({
        territory_id: territoryId,
        name: plan.name,
        description: plan.description,
        kind: plan.kind,
        visibility: plan.visibility,
        join_policy: plan.joinPolicy,
        email_domain: plan.emailDomain,
        invite_code: newCode(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const local = plan.communeCode ? (byCommune.get(plan.communeCode) ?? []) : [];
    const pool = local.length >= plan.size ? local : everyone;
    const chosen = new Set<string>();
    const size = Math.min(plan.size, pool.length);
    while (chosen.size < size) chosen.add(random.pick(pool));
    const organisers = Math.max(1, Math.round(size / 60));
    [...chosen].forEach((userId, i) => {
      pending.push({ territory_id: territoryId, community_id: community.id, user_id: userId, role: i < organisers ? 'organiser' : 'member', status: 'active' });
    });
    memberships += size;
    if (pending.length >= BATCH) {
      await trx.insertInto('community_members').values(pending).execute();
      pending = [];
    }
    progress(1);
  }
  if (pending.length > 0) await trx.insertInto('community_members').values(pending).execute();
  return memberships;
}
