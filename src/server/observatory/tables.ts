/** @module The observatory tables as Kysely types (migration 0019_observatory); part of the database's DB interface. */
import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';

export type ReadingSource = 'mqtt' | 'http' | 'ngsi-ld' | 'csv' | 'simulator';
export type KeyScope = 'ingest' | 'read' | 'command';
type Json = ColumnType<unknown, string, string>;

export interface ObservatoryThingsTable {
  id: Id;
  territory_id: string;
  entity_id: string;
  type: string;
  name: string | null;
  owner_service: string | null;
  lat: number | null;
  lon: number | null;
  commune_code: string | null;
  /** NGSI-LD normalized attributes; written as JSON text. */
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  context: Json | null;
  silent_after_seconds: Generated<number>;
  last_seen_at: Date | null;
  created_at: Timestamp;
  modified_at: Timestamp;
}

export interface ObservatoryReadingsTable {
  territory_id: string;
  thing_id: string;
  attribute: string;
  observed_at: Timestamp;
  value: number | null;
  text_value: string | null;
  unit_code: string | null;
  source: ReadingSource;
  received_at: Timestamp;
}

export interface ObservatoryRollupsTable {
  thing_id: string;
  attribute: string;
  bucket: '5m' | '1h';
  bucket_start: Timestamp;
  n: number;
  sum: number;
  min: number;
  max: number;
  last_value: number;
  last_at: Timestamp;
}

export interface ObservatoryRetentionTable {
  territory_id: string;
  type: string;
  readings_days: number;
  rollups_days: number;
}

export interface ObservatoryKeysTable {
  id: Id;
  territory_id: string;
  name: string;
  scopes: KeyScope[];
  secret_digest: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface ObservatoryRejectionsTable {
  id: Id;
  territory_id: string;
  device_ref: string;
  source: ReadingSource;
  reason: string;
  n: Generated<number>;
  last_sample: string | null;
  first_at: Timestamp;
  last_at: Timestamp;
}

export interface ObservatoryIndicatorSourcesTable {
  id: Id;
  territory_id: string;
  title: string;
  publisher: string;
  licence: string;
  url: string | null;
  imported_at: Timestamp;
  imported_by: string | null;
  rows_imported: Generated<number>;
  rows_rejected: Generated<number>;
}

export interface ObservatoryIndicatorValuesTable {
  source_id: string;
  territory_id: string;
  commune_code: string;
  day: ColumnType<string, string, string>;
  indicator: string;
  value: number;
}

export interface ObservatoryTables {
  observatory_things: ObservatoryThingsTable;
  observatory_readings: ObservatoryReadingsTable;
  observatory_rollups: ObservatoryRollupsTable;
  observatory_retention: ObservatoryRetentionTable;
  observatory_keys: ObservatoryKeysTable;
  observatory_rejections: ObservatoryRejectionsTable;
  observatory_indicator_sources: ObservatoryIndicatorSourcesTable;
  observatory_indicator_values: ObservatoryIndicatorValuesTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends ObservatoryTables {}
}
