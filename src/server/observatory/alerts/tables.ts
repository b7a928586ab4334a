/** @module The observatory's alert and zone tables as Kysely types (migration 0022_observatory_alerts); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from '../../core/database/schema.ts';

export interface ObservatoryAlertRulesTable {
  id: Id;
  territory_id: string;
  name: string;
  thing_type: string | null;
  thing_id: string | null;
  /** The rule's condition, written as JSON text. */
  rule: ColumnType<unknown, string, string>;
  severity: ColumnType<'info' | 'warning' | 'critical', 'info' | 'warning' | 'critical' | undefined, 'info' | 'warning' | 'critical'>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObservatoryAlertsTable {
  id: Id;
  territory_id: string;
  rule_id: string;
  thing_id: string;
  status: 'open' | 'acknowledged' | 'resolved';
  since: Date | null;
  observed: number | null;
  expected: number | null;
  opened_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  note: string | null;
}

export interface ObservatoryZoneSettingsTable {
  territory_id: string;
  indicator: string;
  mode: ColumnType<'incidence7d' | 'latest', 'incidence7d' | 'latest' | undefined, 'incidence7d' | 'latest'>;
  orange: number;
  red: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ObservatoryAlertTables {
  observatory_alert_rules: ObservatoryAlertRulesTable;
  observatory_alerts: ObservatoryAlertsTable;
  observatory_zone_settings: ObservatoryZoneSettingsTable;
}

declare module '../../core/database/schema.ts' {
  interface DB extends ObservatoryAlertTables {}
}
