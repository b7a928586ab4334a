/** @module Applies pending migrations, in order, forward only. */
import { Migrator, sql, type MigrationResult } from 'kysely';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

/**
 * Applies every pending migration and returns the names applied.
 * @example const applied = await migrateToLatest(db)
 */
export async function migrateToLatest(db: Database): Promise<string[]> {
  // Every start of every process gets here: when all migrations are applied, one query says so. The migrator
  // (schema introspection, lock table, transaction) costs seconds on PGlite and runs only when there is work.
  if (await allApplied(db)) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'maille_migrations',
    migrationLockTableName: 'maille_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function allApplied(db: Database): Promise<boolean> {
  const { rows: table } = await sql<{ present: boolean }>`select to_regclass('maille_migrations') is not null as present`.execute(db);
  if (!table[0]?.present) return false;
  const { rows } = await sql<{ name: string }>`select name from maille_migrations`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  const known = Object.keys(migrations);
  return applied.size === known.length && known.every((name) => applied.has(name));
}
