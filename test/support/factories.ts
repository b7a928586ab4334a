// Test factories: each builds what it needs and creates missing parents on demand.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/server/core/auth/password.ts';
import { newCode } from '../../src/server/core/auth/tokens.ts';
import type { CommunityKind, CommunityRole, CommunityVisibility, Database, JoinPolicy, TerritoryRole } from '../../src/server/core/database/schema.ts';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export interface TerritoryFixture {
  id: string;
  slug: string;
  name: string;
}

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]],
});

export async function buildTerritory(db: Database, overrides: { slug?: string; name?: string } = {}): Promise<TerritoryFixture> {
  const slug = overrides.slug ?? `terr-${unique()}`;
  const name = overrides.name ?? `Territoire ${slug}`;
  const t = await db
    .insertInto('territories')
    .values({ slug, name, boundary: JSON.stringify({ type: 'MultiPolygon', coordinates: [] }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('communes')
    .values([
      { territory_id: t.id, code: '21001', name: 'Alpha', population: 1000, boundary: JSON.stringify(square(5, 47)) },
      { territory_id: t.id, code: '21002', name: 'Bêta', population: 3000, boundary: JSON.stringify(square(5.1, 47)) },
    ])
    .execute();
  return { id: t.id, slug, name };
}

export interface UserFixture {
  id: string;
  email: string;
  password: string;
  territory: TerritoryFixture;
}

export async function buildUser(
  db: Database,
  options: { territory?: TerritoryFixture; roles?: TerritoryRole[]; email?: string; displayName?: string; unverified?: boolean } = {},
): Promise<UserFixture> {
  const territory = options.territory ?? (await buildTerritory(db));
  const email = options.email ?? `user-${unique()}@example.org`;
  passwordHash ??= hashPassword(PASSWORD);
  const user = await db
    .insertInto('users')
    .values({ email, password_hash: await passwordHash, display_name: options.displayName ?? `Person ${email.split('@')[0]}`, deleted_at: null, email_verified_at: options.unverified ? null : new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('territory_members')
    .values({ territory_id: territory.id, user_id: user.id, roles: options.roles ?? ['resident'], commune_code: '21001' })
    .execute();
  return { id: user.id, email, password: PASSWORD, territory };
}

export interface CommunityFixture {
  id: string;
  inviteCode: string;
  territory: TerritoryFixture;
  organiser: UserFixture;
}

export async function buildCommunity(
  db: Database,
  options: {
    territory?: TerritoryFixture;
    organiser?: UserFixture;
    name?: string;
    kind?: CommunityKind;
    visibility?: CommunityVisibility;
    joinPolicy?: JoinPolicy;
    emailDomain?: string;
  } = {},
): Promise<CommunityFixture> {
  const territory = options.territory ?? options.organiser?.territory ?? (await buildTerritory(db));
  const organiser = options.organiser ?? (await buildUser(db, { territory }));
  const inviteCode = newCode();
  const c = await db
    .insertInto('communities')
    .values({
      territory_id: territory.id,
      name: options.name ?? `Communauté ${unique()}`,
      kind: options.kind ?? 'neighbourhood',
      visibility: options.visibility ?? 'public',
      join_policy: options.joinPolicy ?? 'open',
      email_domain: options.emailDomain ?? null,
      invite_code: inviteCode,
      created_by: organiser.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addMember(db, { id: c.id, territory }, organiser, 'organiser');
  return { id: c.id, inviteCode, territory, organiser };
}

export async function addMember(
  db: Database,
  community: { id: string; territory: TerritoryFixture },
  user: UserFixture,
  role: CommunityRole = 'member',
  status: 'active' | 'pending' = 'active',
): Promise<void> {
  await db
    .insertInto('community_members')
    .values({ territory_id: community.territory.id, community_id: community.id, user_id: user.id, role, status })
    .execute();
}
