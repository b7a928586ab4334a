/** @module Applies pending migrations, in order, forward only. */
import { Migrator, type MigrationResult } from 'kysely';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

/**
 * Applies every pending migration and returns the names applied.
 * @example const applied = await migrateToLatest(db)
 */
export async function migrateToLatest(db: Database): Promise<string[]> {
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
