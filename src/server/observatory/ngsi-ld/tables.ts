/** @module The NGSI-LD subscriptions table as a Kysely type (migration 0021_ngsi_subscriptions); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from '../../core/database/schema.ts';

export interface ObservatoryNgsiSubscriptionsTable {
  id: Id;
  territory_id: string;
  subscription_id: string;
  /** The subscription document without its system members; written as JSON text. */
  body: ColumnType<Record<string, unknown>, string, string>;
  is_active: Generated<boolean>;
  expires_at: Date | null;
  throttling_seconds: number | null;
  times_sent: Generated<number>;
  times_failed: Generated<number>;
  last_notification_at: Date | null;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_failure_reason: string | null;
  created_at: Timestamp;
  modified_at: Timestamp;
}

declare module '../../core/database/schema.ts' {
  interface DB {
    observatory_ngsi_subscriptions: ObservatoryNgsiSubscriptionsTable;
  }
}
