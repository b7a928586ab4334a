/** @module The notifications table as Kysely types (migrations 0005_commitment_followup, 0010_moderation, 0013_account_trust); part of the database's DB interface. */
import type { ColumnType } from 'kysely';
import type { Id } from '../core/database/schema.ts';

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

export interface NotificationsTables {
  notifications: NotificationsTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends NotificationsTables {}
}
