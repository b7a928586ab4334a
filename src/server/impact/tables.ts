/** @module Impact's own table types: the edition each factors version comes from (migration 0014). */
import type { ColumnType } from 'kysely';

export interface ImpactFactorEditionsTable {
  territory_id: string;
  version: number;
  edition_id: string;
  name: string;
  edition_date: ColumnType<string, string, string>;
  source: string;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ImpactTables {
  impact_factor_editions: ImpactFactorEditionsTable;
}

/** Registers these tables in the database's one `DB` interface (core imports no capability; each adds its own). */
declare module '../core/database/schema.ts' {
  interface DB extends ImpactTables {}
}
