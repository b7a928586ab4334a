// Backups of the embedded database: a round trip through restore, the daily job on a moved clock, and a start that
// cannot open its folder saying how to restore.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { runDailyBackup, writeBackup } from './backup-job.ts';
import { backupFileName, backupsDirOf, listBackups } from './backups.ts';
import { openDatabase, type LocalDataDir } from './connect.ts';
import { DataDirBusyError, LOCK_FILE } from './data-dir-lock.ts';
import { DataDirUnreadableError } from './pglite-folder.ts';
import { restoreDataDir } from './restore.ts';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'maille-backup-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function rows(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ dataDir });
  try {
    const { rows } = await sql<{ word: string }>`select word from words order by word`.execute(database.db);
    return rows.map((r) => r.word);
  } finally {
    await database.close();
  }
}

describe('backup and restore', () => {
  it('restores the database as it was when backed up, keeps the backups, and never puts backups in a backup', { timeout: 180_000 }, async () => {
    const dir = folder();
    const database = await openDatabase({ dataDir: dir });
    const file = path.join(backupsDirOf(dir), backupFileName('maille', new Date('2026-12-07T10:00:00Z')));
    try {
      await sql`create table words (word text primary key)`.execute(database.db);
      await sql`insert into words values ('maille'), ('tricot')`.execute(database.db);
      writeFileSync(path.join(backupsDirOf(dir), 'older.tar.gz'), 'an older backup');
      expect(await writeBackup(database.local!, file)).toBeGreaterThan(0);
      await sql`insert into words values ('after the backup')`.execute(database.db);
      // The folder is in use: a restore now would pull the files from under the running engine.
      await expect(restoreDataDir(dir, file)).rejects.toBeInstanceOf(DataDirBusyError);
    } finally {
      await database.close();
    }
    const tar = gunzipSync(readFileSync(file)).toString('latin1');
    expect(tar).toContain('PG_VERSION');
    expect(tar).not.toContain('older.tar.gz');
    expect(tar).not.toContain('an older backup');

    expect(await restoreDataDir(dir, file)).toEqual({ accounts: 0 });
    expect(await rows(dir)).toEqual(['maille', 'tricot']);
    expect(readdirSync(backupsDirOf(dir)).sort()).toEqual([path.basename(file), 'older.tar.gz']);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a file that is not a backup and leaves the database as it was', { timeout: 120_000 }, async () => {
    const dir = folder();
    const database = await openDatabase({ dataDir: dir });
    await sql`create table words (word text)`.execute(database.db);
    await sql`insert into words values ('kept')`.execute(database.db);
    await database.close();
    const bogus = path.join(dir, 'bogus.tar.gz');
    writeFileSync(bogus, 'not a tarball');
    await expect(restoreDataDir(dir, bogus)).rejects.toThrow(`${bogus} is not a backup Maille can open`);
    await expect(restoreDataDir(dir, path.join(dir, 'missing.tar.gz'))).rejects.toThrow('no such file');
    expect(await rows(dir)).toEqual(['kept']);
    expect(readdirSync(backupsDirOf(dir))).toEqual([]);
  });

  it('says, when the folder cannot be opened, what happened and the exact command to restore the latest backup', { timeout: 120_000 }, async () => {
    const dir = folder();
    const database = await openDatabase({ dataDir: dir });
    const older = path.join(backupsDirOf(dir), backupFileName('daily', new Date('2026-12-05T03:00:00Z')));
    const latest = path.join(backupsDirOf(dir), backupFileName('daily', new Date('2026-12-06T03:00:00Z')));
    await writeBackup(database.local!, latest);
    writeFileSync(older, 'an older one');
    await database.close();
    // Damage the control file, as two engines writing the same folder did.
    writeFileSync(path.join(dir, 'global/pg_control'), Buffer.alloc(512, 7));
    const failure = openDatabase({ dataDir: dir });
    await expect(failure).rejects.toBeInstanceOf(DataDirUnreadableError);
    const message = await failure.then(() => 'opened', (error: Error) => error.message);
    expect(message.split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^The database in ${dir} could not be opened \\(PGlite: .+\\): its files are damaged\\.$`)),
      'Restore the most recent backup (2026-12-06 03:00 UTC), which keeps the damaged files aside until the restored ones open:',
      `  npx maille restore ${latest}`,
      `Other recent backups: ${older}`,
    ]);
    // The failed start let go of the folder: the command it printed works.
    await restoreDataDir(dir, latest);
    const reopened = await openDatabase({ dataDir: dir });
    await reopened.close();
  });
});

describe('the daily backup', () => {
  it('writes one a day and keeps MAILLE_BACKUP_DAYS days of them, never removing the ones a person asked for', async () => {
    const dataDir = folder();
    const dir = backupsDirOf(dataDir);
    let dumps = 0;
    // The dump itself is PGlite's (tested above); here only when and what is kept.
    const local = { dataDir, dump: async () => new Blob([`dump ${(dumps += 1)}`]) } as unknown as LocalDataDir;
    const clock = fixedClock(new Date('2026-12-01T03:00:00Z'));
    const run = () => runDailyBackup({ local, clock, keepDays: 3 });
    mkdirSync(dir);
    writeFileSync(path.join(backupsDirOf(dataDir), backupFileName('maille', new Date('2026-11-01T00:00:00Z'))), 'asked for');

    expect((await run()).written).toBe(path.join(dir, 'daily-2026-12-01T03-00-00Z.tar.gz'));
    clock.advance(23 * 3_600_000);
    expect(await run()).toEqual({ written: null, removed: [] });
    for (let day = 0; day < 4; day += 1) {
      clock.advance(24 * 3_600_000);
      await run();
    }
    const left = await listBackups(dir);
    expect(left.map((b) => path.basename(b.file))).toEqual([
      'daily-2026-12-06T02-00-00Z.tar.gz',
      'daily-2026-12-05T02-00-00Z.tar.gz',
      'daily-2026-12-04T02-00-00Z.tar.gz',
      'daily-2026-12-03T02-00-00Z.tar.gz',
      'maille-2026-11-01T00-00-00Z.tar.gz',
    ]);
    expect(readFileSync(left[0]!.file, 'utf8')).toBe('dump 5');
    expect(dumps).toBe(5);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
