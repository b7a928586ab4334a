/** @module Restores a PGlite data folder from a backup, keeping the previous files aside until the restored ones open. */
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, LOCK_FILE } from './data-dir-lock.ts';
import { BACKUPS_DIR, backupsDirOf } from './backups.ts';
import { startPglite } from './pglite-folder.ts';

export interface RestoreResult {
  /** Accounts in the restored database, for the person to recognise it. */
  accounts: number;
}

/** Maille's own entries of a data folder, which a restore neither replaces nor takes from the backup. */
const ownEntry = (name: string) => name === BACKUPS_DIR || name.startsWith(LOCK_FILE);

async function moveEntries(from: string, to: string): Promise<string[]> {
  const moved: string[] = [];
  for (const name of (await readdir(from)).filter((n) => !ownEntry(n))) {
    await rename(path.join(from, name), path.join(to, name));
    moved.push(name);
  }
  return moved;
}

async function countAccounts(lite: PGlite): Promise<number> {
  const { rows } = await lite.query<{ n: number }>(`select count(*)::int as n from users`).catch(() => ({ rows: [{ n: 0 }] }));
  return rows[0]?.n ?? 0;
}

/**
 * Replaces the database in `dataDir` with the backup `file`. Refuses while a Maille owns the folder (DataDirBusyError).
 * The backup is first opened in a staging folder, so a bad file leaves the current database untouched; the current
 * files are then moved aside, the restored ones moved in and opened, and only then the previous ones removed.
 */
export async function restoreDataDir(dataDir: string, file: string): Promise<RestoreResult> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read the backup ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
  });
  const lock = await acquireDataDirLock(dataDir);
  // Inside backups/, so on the same disk as the data folder (renames, not copies) and never in a dump.
  const work = path.join(backupsDirOf(dataDir), `.restore-${Date.now()}`);
  const staging = path.join(work, 'restored');
  const aside = path.join(work, 'previous');
  try {
    await mkdir(staging, { recursive: true });
    await mkdir(aside);
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const backup = new File([bytes], gzipped ? 'backup.tar.gz' : 'backup.tar', { type: gzipped ? 'application/gzip' : 'application/x-tar' });
    try {
      const lite = new PGlite(staging, { loadDataDir: backup });
      await lite.waitReady;
      await lite.close();
    } catch (error) {
      throw new Error(`${file} is not a backup Maille can open (${(error as Error).message.split('.')[0]}); the database in ${dataDir} is unchanged.`, { cause: error });
    }
    for (const name of (await readdir(staging)).filter(ownEntry)) await rm(path.join(staging, name), { recursive: true, force: true });
    const previous = await moveEntries(dataDir, aside);
    const restored = await moveEntries(staging, dataDir);
    try {
      const lite = await startPglite(dataDir);
      const accounts = await countAccounts(lite);
      await lite.close();
      await rm(work, { recursive: true, force: true });
      return { accounts };
    } catch (error) {
      for (const name of restored) await rm(path.join(dataDir, name), { recursive: true, force: true });
      for (const name of previous) await rename(path.join(aside, name), path.join(dataDir, name));
      throw new Error(`The restored database did not open (${(error as Error).message.split('\n')[0]}); the previous files are back in ${dataDir}.`, { cause: error });
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Only empty folders go: previous files that could not be moved back stay in backups/ rather than be lost.
    await rmdir(aside).catch(() => undefined);
    await rmdir(work).catch(() => undefined);
    throw error;
  } finally {
    lock.release();
  }
}
