/** @module The notifications table as Kysely types (migrations 0005_commitment_followup, 0010_moderation, 0013_account_trust); part of the database's DB interface. */
import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';

export type EmailPreference = 'immediately' | 'daily' | 'weekly' | 'never';
export type DigestCadence = 'daily' | 'weekly';

export interface NotificationsTable {
  id: Id;
  territory_id: string | null;
  user_id: string;
  kind: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** A web path (`/t/…`), made absolute in mails. */
  link: string | null;
  created_at: Date;
  read_at: Date | null;
  /** The mail's subject, kept while the notification waits for the person's digest (migration 0010). */
  digest_subject: ColumnType<string | null, string | null | undefined, string | null>;
  digested_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The people whose name or words the notification carries, besides its recipient (migration 0013): scrubbed when one is erased. */
  about_user_ids: ColumnType<string[], string[] | undefined, string[]>;
}

/** The e-mail preference and the digests sent (created with moderation in migration 0010, kept here). */
export interface NotificationPreferencesTable {
  user_id: string;
  email: EmailPreference;
  updated_at: Timestamp;
}

export interface NotificationDigestsTable {
  id: Id;
  user_id: string;
  cadence: DigestCadence;
  period: string;
  notifications: number;
  sent_at: Timestamp;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_digests: NotificationDigestsTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends NotificationsTables {}
}
