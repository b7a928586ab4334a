/** @module The places tables as Kysely types (migration 0017_places); part of the database's DB interface. */
import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../core/database/schema.ts';
import type { MeetingPointKind } from './model.ts';

export interface MeetingPointsTable {
  id: Id;
  territory_id: string;
  name: string;
  kind: MeetingPointKind;
  lat: number;
  lon: number;
  commune_code: string;
  notes: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  gtfs_stop_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlacesTables {
  meeting_points: MeetingPointsTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends PlacesTables {}
}
