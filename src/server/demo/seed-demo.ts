/** @module The demo territory: Dijon Métropole seeded on first start, with one account per role. */
import type { Database, TerritoryRole, Transaction } from '../core/database/schema.ts';
import { hashPassword } from '../core/auth/password.ts';
import { seedTerritory, type SeedResult } from './seed-territory.ts';
import { ensureDemoMeetingPoints } from './meeting-points.ts';

export const DEMO_SLUG = 'dijon-metropole';
export const DEMO_NAME = 'Dijon Métropole';
/** Demo mode only: printed at start, never used when MAILLE_DEMO is off. */
export const DEMO_PASSWORD = 'maille-demo-2026';

export interface DemoAccount {
  email: string;
  displayName: string;
  roles: TerritoryRole[];
  /** What the account shows off. */
  note: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'habitante@demo.maille.fr', displayName: 'Hélène (habitante)', roles: ['resident'], note: 'resident' },
  { email: 'organisateur@demo.maille.fr', displayName: 'Omar (organisateur)', roles: ['resident'], note: 'organiser of « Voisins — Démo »' },
  { email: 'mediatrice@demo.maille.fr', displayName: 'Maryse (médiatrice)', roles: ['resident', 'mediator'], note: 'mediator' },
  { email: 'commercant@demo.maille.fr', displayName: 'Marc (commerçant)', roles: ['resident', 'merchant'], note: 'merchant' },
  { email: 'operatrice@demo.maille.fr', displayName: 'Olivia (opératrice)', roles: ['resident', 'operator'], note: 'city operator' },
  { email: 'admin@demo.maille.fr', displayName: 'Adèle (admin)', roles: ['resident', 'admin'], note: 'territory admin' },
];

async function insertDemoAccounts(trx: Transaction, territoryId: string, dijonCode: string): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await trx
      .insertInto('users')
      .values({ email: account.email, password_hash: passwordHash, display_name: account.displayName, deleted_at: null, email_verified_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('territory_members').values({ territory_id: territoryId, user_id: user.id, roles: account.roles, commune_code: dijonCode }).execute();
    ids.push(user.id);
  }
  const community = await trx
    .insertInto('communities')
    .values({
      territory_id: territoryId,
      name: 'Voisins — Démo',
      description: 'Une communauté de démonstration, animée par Omar.',
      kind: 'neighbourhood',
      visibility: 'public',
      join_policy: 'open',
      email_domain: null,
      invite_code: 'DEMOVOISINS',
      created_by: ids[1]!,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('community_members')
    .values([
      { territory_id: territoryId, community_id: community.id, user_id: ids[1]!, role: 'organiser', status: 'active' },
      { territory_id: territoryId, community_id: community.id, user_id: ids[0]!, role: 'member', status: 'active' },
    ])
    .execute();
}

/** Seeds the demo territory when the database has no territory yet; returns null when it had one. */
export async function seedDemoIfEmpty(
  db: Database,
  residents: number,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedResult | null> {
  const any = await db.selectFrom('territories').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return seedTerritory(db, {
    slug: DEMO_SLUG,
    name: DEMO_NAME,
    residents,
    ...(onProgress ? { onProgress } : {}),
    afterSeed: async (trx, territoryId, communes) => {
      const dijon = communes.find((c) => c.name === 'Dijon') ?? communes[0]!;
      await insertDemoAccounts(trx, territoryId, dijon.code);
      await ensureDemoMeetingPoints(trx, territoryId);
    },
  });
}

/** Whether the demo accounts exist (so their credentials are worth printing). */
export async function hasDemoAccounts(db: Database): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS[0]!.email).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}
