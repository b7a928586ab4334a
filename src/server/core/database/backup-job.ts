/** @module Backups of the embedded database: one written on demand, and the daily one kept MAILLE_BACKUP_DAYS days. */
import type { Clock } from '../clock.ts';
import type { LocalDataDir } from './connect.ts';
import { backupFileName, backupsDirOf, listBackups, pruneBackups, writeFileAtomic } from './backups.ts';
import path from 'node:path';
import type { Job } from '../jobs.ts';

/** How often a running Maille checks whether the day's backup is due (the check itself costs nothing). */
export const BACKUP_CHECK_EVERY_MS = 15 * 60_000;

const DAY_MS = 86_400_000;

/** Dumps the running database into `file`, whole or not at all; returns its size in bytes. */
export async function writeBackup(local: LocalDataDir, file: string): Promise<number> {
  const dump = new Uint8Array(await (await local.dump()).arrayBuffer());
  await writeFileAtomic(file, dump);
  return dump.byteLength;
}

export interface DailyBackupResult {
  /** The backup written, or null when the last one is less than a day old. */
  written: string | null;
  removed: string[];
}

/**
 * Writes a daily backup when the newest daily one is a day old (or none exists), then removes daily backups older
 * than `keepDays`. Idempotent: running it again within the day writes nothing.
 */
export async function runDailyBackup(deps: { local: LocalDataDir; clock: Clock; keepDays: number }): Promise<DailyBackupResult> {
  const now = deps.clock.now();
  const dir = backupsDirOf(deps.local.dataDir);
  const [latest] = (await listBackups(dir)).filter((b) => b.daily);
  let written: string | null = null;
  if (!latest || now.getTime() - latest.takenAt.getTime() >= DAY_MS) {
    written = path.join(dir, backupFileName('daily', now));
    await writeBackup(deps.local, written);
  }
  return { written, removed: await pruneBackups(dir, now, deps.keepDays) };
}

/** The daily backup as a periodic job: only where this process owns a PGlite folder and MAILLE_BACKUP_DAYS is not 0. */
export const backupJobs: Job[] = [
  {
    name: 'database.daily-backup',
    schedule: { everyMs: BACKUP_CHECK_EVERY_MS },
    enabled: ({ local, config }) => local !== undefined && config.backupDays > 0,
    run: async ({ local, clock, config }) => {
      if (!local) return { summary: 'Backup: no data folder here.' };
      const r = await runDailyBackup({ local, clock, keepDays: config.backupDays });
      return { summary: `Backup: ${r.written ? `written to ${r.written}` : 'the day’s one is there'}, ${r.removed.length} old ones removed.` };
    },
  },
];
