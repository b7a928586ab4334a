/** @module Opens Maille's database: embedded PGlite by default, a PostgreSQL server with DATABASE_URL. */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

// bigint (int8) and numeric come back as strings: ids stay exact; counts are converted where read.
// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' rather than a Date at local midnight.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The server's URL (PostgreSQL only), for connections that need their own session (LISTEN). */
  url?: string;
  /** Closes the pool and, for PGlite, the embedded engine. */
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps nothing. */
  dataDir?: string;
  /** A PGlite data-folder snapshot (from `dumpDataDir`) to start from. */
  snapshot?: Blob | File;
  poolSize?: number;
}

/**
 * Opens the database; the same Kysely code runs on both engines.
 * @example const { db, kind } = await openDatabase({ dataDir: '.maille' })
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', url: options.databaseUrl, close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const lite = options.snapshot
    ? new PGlite(dataDir, { loadDataDir: options.snapshot })
    : new PGlite(dataDir);
  await lite.waitReady;
  // PGlite is one connection: the pool has size 1, so a transaction must never call back into `db`.
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}
