/** @module Opens Maille's database: embedded PGlite by default, a PostgreSQL server with DATABASE_URL. */
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DataDirLock } from './data-dir-lock.ts';
import { openPgliteFolder } from './pglite-folder.ts';
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
  /** PGlite on a data folder: the folder this process owns, its lock, and a consistent dump of it. */
  local?: LocalDataDir;
  /** Closes the pool and, for PGlite, the embedded engine (and releases the folder's lock). */
  close(): Promise<void>;
}

export interface LocalDataDir {
  dataDir: string;
  lock: DataDirLock;
  /** A gzipped tarball of the data folder (PGlite dumpDataDir), taken after a checkpoint with no transaction open. */
  dump(): Promise<Blob>;
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
  if (dataDir.startsWith('memory://')) {
    const lite = options.snapshot ? new PGlite(dataDir, { loadDataDir: options.snapshot }) : new PGlite(dataDir);
    await lite.waitReady;
    return onPglite(lite);
  }
  // A folder: one process owns it, or two single-user engines would write the same files and corrupt them.
  const { lite, lock } = await openPgliteFolder(dataDir, options.snapshot);
  return onPglite(lite, { dataDir, lock });
}

function onPglite(lite: PGlite, folder?: { dataDir: string; lock: DataDirLock }): DatabaseHandle {
  // PGlite is one connection: the pool has size 1, so a transaction must never call back into `db`.
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const handle: DatabaseHandle = {
    db,
    kind: 'pglite',
    close: async () => {
      try {
        await db.destroy();
        await lite.close();
      } finally {
        folder?.lock.release();
      }
    },
  };
  if (folder) {
    handle.local = {
      ...folder,
      // Holding the one connection means no transaction is half done; the checkpoint makes the copy start clean.
      dump: () =>
        db.connection().execute(async (connection) => {
          await sql`checkpoint`.execute(connection);
          return lite.dumpDataDir('gzip');
        }),
    };
  }
  return handle;
}
