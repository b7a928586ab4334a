/** @module The community directory of a territory, and one person's communities. */
import { sql } from 'kysely';
import type { CommunityKind, Database } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { DirectoryPage } from './schemas.ts';
import { toCommunityView, type CommunityView } from './view.ts';

export interface DirectoryQuery {
  q?: string | undefined;
  kind?: CommunityKind | undefined;
  limit: number;
  offset: number;
}

function baseQuery(db: Database, territoryId: string, viewerId: string | null) {
  return db
    .selectFrom('communities as c')
    .leftJoin('community_members as me', (j) =>
      j.onRef('me.community_id', '=', 'c.id').on('me.user_id', '=', viewerId ?? '0'),
    )
    .where('c.territory_id', '=', territoryId);
}

const memberCount = sql<string>`(select count(*) from community_members m where m.community_id = c.id and m.status = 'active')`;

/** Public communities, plus the private ones the viewer belongs to; search by name or description. */
export async function listDirectory({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, query: DirectoryQuery): Promise<DirectoryPage> {
  let q = baseQuery(db, territory.id, viewer?.userId ?? null).where((eb) =>
    eb.or([eb('c.visibility', '=', 'public'), eb('me.user_id', 'is not', null)]),
  );
  // Hidden by moderation (reported, awaiting review or removed): out of the directory, still listed for its members.
  q = q.where((eb) => eb.or([eb('c.hidden_at', 'is', null), eb('me.user_id', 'is not', null)]));
  if (query.kind) q = q.where('c.kind', '=', query.kind);
  const text = query.q?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('c.name', 'ilike', pattern), eb('c.description', 'ilike', pattern)]));
  }
  const [rows, total] = await Promise.all([
    q
      .selectAll('c')
      .select(['me.role as my_role', 'me.status as my_status', memberCount.as('member_count')])
      .orderBy(memberCount, 'desc')
      .orderBy('c.name')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => toCommunityView(r, Number(r.member_count), r.my_role && r.my_status ? { role: r.my_role, status: r.my_status } : null)),
    total: Number(total.n),
  };
}

/** The viewer's communities in this territory, active and pending. */
export async function listMyCommunities({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<CommunityView[]> {
  if (!viewer) throw new AppError('unauthenticated', 'Sign in first.');
  const rows = await baseQuery(db, territory.id, viewer.userId)
    .where('me.user_id', 'is not', null)
    .selectAll('c')
    .select(['me.role as my_role', 'me.status as my_status', memberCount.as('member_count')])
    .orderBy('c.name')
    .execute();
  return rows.map((r) => toCommunityView(r, Number(r.member_count), r.my_role && r.my_status ? { role: r.my_role, status: r.my_status } : null));
}
