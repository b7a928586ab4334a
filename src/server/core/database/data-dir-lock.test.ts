// One process owns a PGlite folder: a second open stops with one clear line, a dead owner's lock is taken over.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError, LOCK_FILE, processStartTicks, readLock, type LockOwner } from './data-dir-lock.ts';
import { openDatabase } from './connect.ts';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'maille-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeLock(dir: string, owner: Partial<LockOwner>): void {
  const full: LockOwner = { pid: 1, startTicks: null, startedAt: '2026-01-01T00:00:00.000Z', hostname: hostname(), token: 'old', ...owner };
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full));
}

/** A pid that ran and no longer does. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

describe('the data folder lock', () => {
  it('lets one open through and stops the second with the owner named; the lock goes on close', { timeout: 60_000 }, async () => {
    const dir = folder();
    const first = await openDatabase({ dataDir: dir });
    try {
      const owner = readLock(dir)!;
      expect(owner).toMatchObject({ pid: process.pid, hostname: hostname(), startTicks: processStartTicks(process.pid) });
      // The token in it opens the local admin routes: only the folder's owner may read it.
      expect(statSync(path.join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
      const second = openDatabase({ dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DataDirBusyError);
      await expect(second).rejects.toThrow(`Maille is running (pid ${process.pid}, starting) on this folder (${dir}): stop it first.`);
      // What "a kill loses no acknowledged write" rests on (docs/decisions.md): a commit returns once its WAL is written.
      const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(first.db);
      expect(rows[0]?.synchronous_commit).toBe('on');
      first.local!.lock.setUrl('http://127.0.0.1:3000');
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`(pid ${process.pid}, serving http://127.0.0.1:3000)`);
    } finally {
      await first.close();
    }
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('stops a second process while the first runs, and names its pid', { timeout: 60_000 }, async () => {
    const dir = folder();
    const script = `import { acquireDataDirLock } from './src/server/core/database/data-dir-lock.ts';
      await acquireDataDirLock(process.argv[1]); console.log('ready'); process.stdin.resume();`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
      await expect(acquireDataDirLock(dir)).rejects.toThrow(`Maille is running (pid ${child.pid}, starting)`);
    } finally {
      child.stdin.end();
      child.kill();
    }
  });

  it('takes over the lock of a process that is gone, with a log line', async () => {
    const dir = folder();
    const pid = deadPid();
    writeLock(dir, { pid });
    const lines: string[] = [];
    const lock = await acquireDataDirLock(dir, (line) => lines.push(line));
    expect(readLock(dir)).toMatchObject({ pid: process.pid });
    expect(lines).toEqual([`Took over the lock of ${dir} left by pid ${pid} (started 2026-01-01T00:00:00.000Z), which is no longer running.`]);
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to another process (a recycled pid: another start time)', async () => {
    const dir = folder();
    writeLock(dir, { pid: process.pid, startTicks: '1' });
    const lines: string[] = [];
    const lock = await acquireDataDirLock(dir, (line) => lines.push(line));
    expect(lines[0]).toMatch(/^Took over the lock/);
    lock.release();
  });

  it('removes an unreadable lock only once it is old (one being written is waited for)', async () => {
    const dir = folder();
    const file = path.join(dir, LOCK_FILE);
    writeFileSync(file, '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const lines: string[] = [];
    const lock = await acquireDataDirLock(dir, (line) => lines.push(line));
    expect(lines).toEqual([`Removed an unreadable lock file from ${dir}.`]);
    lock.release();
  });

  it("treats another host's lock as live (it cannot be checked from here) and leaves others' locks alone on release", async () => {
    const dir = folder();
    writeLock(dir, { pid: deadPid(), hostname: 'elsewhere' });
    await expect(acquireDataDirLock(dir)).rejects.toThrow(/Maille is running \(pid \d+ on elsewhere, starting\)/);
    rmSync(path.join(dir, LOCK_FILE));
    const lock = await acquireDataDirLock(dir);
    writeLock(dir, { pid: process.pid, token: 'someone else' });
    lock.release();
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ token: 'someone else' });
  });
});
