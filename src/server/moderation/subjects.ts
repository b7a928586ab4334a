/**
 * @module What can be reported: each subject type, the table it lives in, who its authors are, which community it
 * belongs to (its organisers moderate it), whether the reporter may see it, and whether it can be hidden.
 * Content tables carry `territory_id` and `hidden_at`; their owning capability leaves hidden rows out of public lists.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../core/database/schema.ts';

export const SUBJECT_TYPES = ['aid_request', 'aid_offer', 'mission', 'organisation', 'community', 'carpool_message', 'user'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export interface SubjectKind {
  /** The content table (with `id`, `territory_id`, and `hidden_at` when hideable). */
  table: string;
  /** Hidden after enough reports; false for a person, who is only ever reviewed. */
  hideable: boolean;
  /** The people told when the content is hidden, removed or shown again: rows of `user_id`. */
  authors: (id: string) => RawBuilder<{ user_id: string }>;
  /** The community whose organisers moderate it (a scalar subquery), or null. */
  community: ((id: string) => RawBuilder<string | null>) | null;
  /** Whether `viewerId` may see the subject (and so report it); the row is known to exist in the territory. */
  visibleTo?: (id: string, viewerId: string) => RawBuilder<boolean>;
  /** Private words between a few people: the queue withholds the text; a moderator reads it on request, with a reason (audited). */
  privateText?: boolean;
}

export const SUBJECTS: Record<SubjectType, SubjectKind> = {
  aid_request: {
    table: 'aid_requests',
    hideable: true,
    authors: (id) => sql`select requester_id as user_id from aid_requests where id = ${id}`,
    community: null,
  },
  aid_offer: {
    table: 'aid_offers',
    hideable: true,
    authors: (id) => sql`select helper_id as user_id from aid_offers where id = ${id}`,
    community: null,
  },
  mission: {
    table: 'missions',
    hideable: true,
    // The mission's organisation's managers answer for it (and whoever posted it).
    authors: (id) =>
      sql`select created_by as user_id from missions where id = ${id} and created_by is not null
          union select om.user_id from organisation_members om join missions m on m.organisation_id = om.organisation_id where m.id = ${id}`,
    community: null,
  },
  organisation: {
    table: 'organisations',
    hideable: true,
    authors: (id) =>
      sql`select user_id from organisation_members where organisation_id = ${id}
          union select applied_by as user_id from organisations where id = ${id} and applied_by is not null`,
    community: null,
  },
  community: {
    table: 'communities',
    hideable: true,
    authors: (id) => sql`select user_id from community_members where community_id = ${id} and role = 'organiser' and status = 'active'`,
    community: (id) => sql`${id}::bigint`,
    // A private community is seen by its members only.
    visibleTo: (id, viewerId) =>
      sql`exists (select 1 from communities c where c.id = ${id} and (c.visibility = 'public'
            or exists (select 1 from community_members m where m.community_id = c.id and m.user_id = ${viewerId})))`,
  },
  carpool_message: {
    table: 'carpool_messages',
    hideable: true,
    authors: (id) => sql`select sender_id as user_id from carpool_messages where id = ${id} and sender_id is not null`,
    community: null,
    privateText: true,
    // Only the two people of the ride see its messages.
    visibleTo: (id, viewerId) =>
      sql`exists (select 1 from carpool_messages cm join carpool_matches x on x.id = cm.match_id
            where cm.id = ${id} and (x.driver_id = ${viewerId} or x.passenger_id = ${viewerId}))`,
  },
  user: {
    table: 'users',
    hideable: false,
    authors: (id) => sql`select id as user_id from users where id = ${id}`,
    community: null,
  },
};

export interface SubjectRow {
  id: string;
  hiddenAt: Date | null;
  communityId: string | null;
}

/** Whether the subject's table exists yet (a capability's migration may not have landed in this checkout). */
async function tableExists(db: Executor, table: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select to_regclass(${table}) is not null as ok`.execute(db);
  return rows[0]?.ok === true;
}

/** The subject in this territory, or undefined; `lock` takes a row lock so reports and reviews on it queue. */
export async function findSubject(db: Executor, territoryId: string, type: SubjectType, id: string, lock = false): Promise<SubjectRow | undefined> {
  const kind = SUBJECTS[type];
  if (!/^[0-9]{1,18}$/.test(id)) return undefined;
  if (type === 'user') {
    const { rows } = await sql<{ id: string }>`
      select u.id from users u join territory_members tm on tm.user_id = u.id
      where u.id = ${id} and tm.territory_id = ${territoryId} and u.deleted_at is null`.execute(db);
    return rows[0] ? { id: rows[0].id, hiddenAt: null, communityId: null } : undefined;
  }
  if (!(await tableExists(db, kind.table))) return undefined;
  const community = kind.community ? kind.community(id) : sql<null>`null`;
  const { rows } = await sql<{ id: string; hidden_at: Date | null; community_id: string | null }>`
    select id, hidden_at, ${community} as community_id from ${sql.table(kind.table)}
    where id = ${id} and territory_id = ${territoryId} ${lock ? sql`for update` : sql``}`.execute(db);
  const row = rows[0];
  return row ? { id: String(row.id), hiddenAt: row.hidden_at, communityId: row.community_id === null ? null : String(row.community_id) } : undefined;
}

export async function canSee(db: Executor, type: SubjectType, id: string, viewerId: string): Promise<boolean> {
  const check = SUBJECTS[type].visibleTo;
  if (!check) return true;
  const { rows } = await sql<{ ok: boolean }>`select ${check(id, viewerId)} as ok`.execute(db);
  return rows[0]?.ok === true;
}

export async function authorsOf(db: Executor, type: SubjectType, id: string): Promise<string[]> {
  const { rows } = await SUBJECTS[type].authors(id).execute(db);
  return [...new Set(rows.map((r) => String(r.user_id)))];
}

/** Sets or clears the subject's hidden_at (hideable subjects only). */
export async function setHidden(db: Executor, territoryId: string, type: SubjectType, id: string, at: Date | null): Promise<void> {
  const kind = SUBJECTS[type];
  if (!kind.hideable) return;
  await sql`update ${sql.table(kind.table)} set hidden_at = ${at} where id = ${id} and territory_id = ${territoryId}`.execute(db);
}

/** A short description of each subject for the queue: a name, a title or the start of a text, never an address. */
export async function describeSubjects(db: Executor, subjects: readonly { type: SubjectType; id: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byType = new Map<SubjectType, string[]>();
  for (const s of subjects) byType.set(s.type, [...(byType.get(s.type) ?? []), s.id]);
  for (const [type, ids] of byType) {
    const label = LABELS[type];
    if (type !== 'user' && !(await tableExists(db, SUBJECTS[type].table))) continue;
    const { rows } = await sql<{ id: string; label: string | null }>`
      select id, left(${sql.raw(label)}, 140) as label from ${sql.table(SUBJECTS[type].table)} where id in (${sql.join(ids)})`.execute(db);
    for (const r of rows) out.set(`${type}:${String(r.id)}`, r.label ?? '');
  }
  return out;
}

/** The whole text of one subject (a private message read by a moderator on request), or null when it is gone. */
export async function subjectText(db: Executor, type: SubjectType, id: string): Promise<string | null> {
  if (type !== 'user' && !(await tableExists(db, SUBJECTS[type].table))) return null;
  const { rows } = await sql<{ text: string | null }>`select ${sql.raw(LABELS[type])} as text from ${sql.table(SUBJECTS[type].table)} where id = ${id}`.execute(db);
  return rows[0]?.text ?? null;
}

/** The column (or expression) that names each subject in the queue. */
const LABELS: Record<SubjectType, string> = {
  aid_request: 'description',
  aid_offer: 'text',
  mission: 'title',
  organisation: 'name',
  community: 'name',
  carpool_message: 'body',
  user: 'display_name',
};
