/** @module The accounts tables added by migration 0013 (verification links, attempt counters) as Kysely types; part of the database's DB interface. */

export interface EmailVerificationTokensTable {
  /** SHA-256 of the link's secret. */
  id: string;
  user_id: string;
  /** The address the link was sent to: it becomes the account's verified address when the link is opened. */
  email: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface AuthThrottleTable {
  key: string;
  window_started_at: Date;
  attempts: number;
}

export interface AccountsTables {
  email_verification_tokens: EmailVerificationTokensTable;
  auth_throttle: AuthThrottleTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends AccountsTables {}
}
