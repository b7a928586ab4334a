/** @module PGlite on a data folder: owned by one process (the lock), Maille's own files hidden from its dumps, a clear message when it cannot open. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { BACKUPS_DIR, backupsDirOf, listBackups } from './backups.ts';

/** The folder could not be opened: says what happened and how to restore. */
export class DataDirUnreadableError extends Error {
  override name = 'DataDirUnreadableError';
}

/** The exact restore command for a backup file, as a person types it. */
export function restoreCommand(file: string): string {
  return `npx maille restore ${/\s/.test(file) ? JSON.stringify(file) : file}`;
}

async function unreadable(dataDir: string, cause: unknown): Promise<DataDirUnreadableError> {
  const what = cause instanceof Error ? cause.message.split('.')[0] : String(cause);
  const backups = (await listBackups(backupsDirOf(dataDir))).slice(0, 3);
  const lines = [`The database in ${dataDir} could not be opened (PGlite: ${what}): its files are damaged.`];
  if (backups.length > 0) {
    const [latest] = backups;
    lines.push(`Restore the most recent backup (${latest!.takenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC), which keeps the damaged files aside until the restored ones open:`);
    lines.push(`  ${restoreCommand(latest!.file)}`);
    if (backups.length > 1) lines.push(`Other recent backups: ${backups.slice(1).map((b) => b.file).join(', ')}`);
  } else {
    lines.push(`There is no backup in ${backupsDirOf(dataDir)}: restore a backup file kept elsewhere with ${restoreCommand('<file>')}, or move the folder aside to start from an empty database.`);
  }
  return new DataDirUnreadableError(lines.join('\n'), { cause });
}

/**
 * Starts PGlite on the folder, without taking the lock (the caller holds it). A failure on a folder that held a
 * database becomes a DataDirUnreadableError listing the backups; `Aborted()` alone tells a person nothing.
 */
export async function startPglite(dataDir: string, loadDataDir?: Blob | File): Promise<PGlite> {
  const existed = existsSync(path.join(dataDir, 'PG_VERSION'));
  const lite = loadDataDir ? new PGlite(dataDir, { loadDataDir }) : new PGlite(dataDir);
  try {
    await lite.waitReady;
  } catch (error) {
    throw existed ? await unreadable(dataDir, error) : error;
  }
  // The backups folder is in the data folder but must not be in the dumps made from it: an empty in-memory folder
  // mounted over it in PGlite's view hides it (PostgreSQL ignores it either way).
  mkdirSync(backupsDirOf(dataDir), { recursive: true });
  const fs = lite.Module.FS;
  fs.mount(lite.Module.MEMFS, {}, `${PGlite.paths.PGDATA}/${BACKUPS_DIR}`);
  return lite;
}

export interface PgliteFolder {
  lite: PGlite;
  lock: DataDirLock;
}

/** Takes the folder's lock (DataDirBusyError if a live process holds it), then starts PGlite on it. */
export async function openPgliteFolder(dataDir: string, loadDataDir?: Blob | File): Promise<PgliteFolder> {
  const lock = await acquireDataDirLock(dataDir);
  try {
    return { lite: await startPglite(dataDir, loadDataDir), lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}
