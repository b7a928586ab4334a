/** @module Backup files of a PGlite data folder: names, the list newest first, atomic writes, and the daily retention. */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Backups live in the data folder, hidden from PGlite's own dumps (see openPgliteFolder), so they never nest. */
export const BACKUPS_DIR = 'backups';

export function backupsDirOf(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

/** `daily-2026-12-07T03-00-00Z.tar.gz` for the automatic ones (pruned), `maille-…` for those a person asks for (kept). */
export function backupFileName(kind: 'daily' | 'maille', at: Date): string {
  return `${kind}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.tar.gz`;
}

const NAMED = /^(daily|maille)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.tar\.gz$/;

/** When a backup was taken, from its name; null for a file Maille did not name. */
export function backupTime(name: string): Date | null {
  const m = NAMED.exec(name);
  return m ? new Date(`${m[2]}T${m[3]}:${m[4]}:${m[5]}Z`) : null;
}

export interface BackupFile {
  file: string;
  takenAt: Date;
  bytes: number;
  daily: boolean;
}

/** Every backup in the folder (any `.tar.gz`; a file Maille did not name is dated by its mtime), newest first. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names.filter((n) => n.endsWith('.tar.gz'))) {
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (!info?.isFile()) continue;
    found.push({ file: path.join(dir, name), takenAt: backupTime(name) ?? info.mtime, bytes: info.size, daily: name.startsWith('daily-') });
  }
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** Writes a file whole or not at all: a temporary file beside it, flushed to disk, then renamed over the name. */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes daily backups older than `keepDays`, and temporary files a killed write left (older than a day). */
export async function pruneBackups(dir: string, now: Date, keepDays: number): Promise<string[]> {
  const removed: string[] = [];
  const oldest = now.getTime() - keepDays * 86_400_000;
  for (const backup of await listBackups(dir)) {
    if (backup.daily && backup.takenAt.getTime() < oldest) {
      await rm(backup.file, { force: true });
      removed.push(backup.file);
    }
  }
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.tmp')) continue;
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (info && now.getTime() - info.mtime.getTime() > 86_400_000) await rm(path.join(dir, name), { force: true });
  }
  return removed;
}
