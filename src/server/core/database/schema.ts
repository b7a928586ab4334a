/** @module The database's tables as Kysely types; kept in step with migrations (see schema test). */
import type { ColumnType, Generated, Kysely, Selectable, Transaction as KyselyTransaction } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = ColumnType<string, never, never>;

export type TerritoryRole = 'resident' | 'mediator' | 'merchant' | 'operator' | 'admin';
export type CommunityKind = 'neighbourhood' | 'workplace' | 'school' | 'association' | 'other';
export type CommunityVisibility = 'public' | 'private';
export type JoinPolicy = 'open' | 'invite' | 'email_domain' | 'approval';
export type CommunityRole = 'member' | 'organiser';
export type MembershipStatus = 'active' | 'pending';

export interface TerritoriesTable {
  id: Id;
  slug: string;
  name: string;
  boundary: unknown;
  created_at: Timestamp;
}

export interface CommunesTable {
  territory_id: string;
  code: string;
  name: string;
  population: number;
  boundary: unknown;
}

export interface UsersTable {
  id: Id;
  email: string | null;
  password_hash: string | null;
  display_name: string | null;
  locale: Generated<'fr' | 'en'>;
  synthetic: Generated<boolean>;
  created_at: Timestamp;
  deleted_at: Date | null;
}

export interface TerritoryMembersTable {
  territory_id: string;
  user_id: string;
  roles: ColumnType<TerritoryRole[], TerritoryRole[] | undefined, TerritoryRole[]>;
  commune_code: string | null;
  joined_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
}

export interface PasswordResetTokensTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Date;
  used_at: Date | null;
}

export interface SignInFailuresTable {
  key: string;
  at: Date;
}

export interface MailOutboxTable {
  id: Id;
  user_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface CommunitiesTable {
  id: Id;
  territory_id: string;
  name: string;
  description: Generated<string>;
  kind: CommunityKind;
  visibility: CommunityVisibility;
  join_policy: JoinPolicy;
  email_domain: string | null;
  invite_code: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CommunityMembersTable {
  territory_id: string;
  community_id: string;
  user_id: string;
  role: CommunityRole;
  status: MembershipStatus;
  joined_at: Timestamp;
}

export interface AuditLogTable {
  id: Id;
  territory_id: string | null;
  at: Timestamp;
  actor_id: string | null;
  on_behalf_of_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  request_id: string | null;
}

export interface DB {
  territories: TerritoriesTable;
  communes: CommunesTable;
  users: UsersTable;
  territory_members: TerritoryMembersTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  sign_in_failures: SignInFailuresTable;
  mail_outbox: MailOutboxTable;
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  audit_log: AuditLogTable;
}

/** The database handle or an open transaction: queries accept either. */
export type Executor = Kysely<DB> | KyselyTransaction<DB>;
export type Database = Kysely<DB>;
export type Transaction = KyselyTransaction<DB>;
export type UserRow = Selectable<UsersTable>;
export type CommunityRow = Selectable<CommunitiesTable>;
