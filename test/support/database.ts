// Test databases: a fresh PGlite from the migrated snapshot, and a fresh PostgreSQL database cloned
// from the migrated template when TEST_DATABASE_URL is set. Tests run against every variant.
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/server/core/database/connect.ts';

/** The engines this run tests against: always PGlite, PostgreSQL too when configured. */
export function databaseKinds(): DatabaseKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

let snapshot: Blob | undefined;

export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    snapshot ??= new Blob([await readFile(inject('pgliteSnapshot'))]);
    return openDatabase({ dataDir: 'memory://', snapshot });
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!url || !template) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = `maille_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: target.toString() });
  // A second app on the same database (several API processes) opens it again through this URL.
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      // pg's pool resolves end() before its sockets are closed: wait for the server to see them go,
      // or a forced drop would kill a closing connection whose error then surfaces as uncaught.
      for (let i = 0; i < 50; i += 1) {
        const { rows } = await drop.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === '0') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
