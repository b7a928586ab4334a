/** @module One process owns a PGlite data folder: a lock file naming the owner (pid, start, host), stale locks taken over. */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** The lock file, inside the data folder. It also carries the local admin token, so it is readable by its owner only. */
export const LOCK_FILE = 'maille.lock';

export interface LockOwner {
  pid: number;
  /** The process's start in clock ticks since boot (Linux /proc), to tell a recycled pid from the owner. */
  startTicks: string | null;
  startedAt: string;
  hostname: string;
  /** Where the owner serves HTTP, once it listens (the CLI talks to it there). */
  url?: string;
  /** A secret only the folder's owner can read: the CLI proves with it that it may use the local admin routes. */
  token: string;
}

/** Another live process owns the folder: opening it too would corrupt it. */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.hostname === hostname() ? `pid ${owner.pid}` : `pid ${owner.pid} on ${owner.hostname}`;
    const at = owner.url ? `, serving ${owner.url}` : ', starting';
    super(`Maille is running (${where}${at}) on this folder (${dataDir}): stop it first.`);
  }
}

export interface DataDirLock {
  readonly file: string;
  readonly owner: LockOwner;
  /** Records the URL the owner serves, replacing the lock file atomically. */
  setUrl(url: string): void;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void;
}

/** A process's start time in ticks since boot, or null where /proc is not available. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name in field 2 may hold spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote this lock still runs. Another host's process cannot be checked: assumed alive. */
export function ownerIsAlive(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid runs, but it may be another process that got the same pid after a crash or a reboot.
  const ticks = processStartTicks(owner.pid);
  return !(ticks && owner.startTicks && ticks !== owner.startTicks);
}

/** The lock's owner as written, or null when there is no lock (or it is unreadable, e.g. being written). */
export function readLock(dataDir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.token === 'string' ? owner : null;
  } catch {
    return null;
  }
}

/** The owner of the folder if it is a live process, else null. */
export function liveOwner(dataDir: string): LockOwner | null {
  const owner = readLock(dataDir);
  return owner && ownerIsAlive(owner) ? owner : null;
}

function writeExclusive(file: string, text: string): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Removes a dead owner's lock under a takeover guard, so two starters never both remove a fresh lock. */
async function takeOver(file: string, stale: LockOwner | null, log: (line: string) => void): Promise<void> {
  const guard = `${file}.takeover`;
  try {
    writeExclusive(guard, String(process.pid));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard left by a process killed in the middle of a takeover is removed after a while.
    if (ageMs(guard) > 10_000) removeIfThere(guard);
    await pause(50);
    return;
  }
  try {
    const now = readLock(path.dirname(file));
    const same = now === null ? stale === null : stale !== null && now.pid === stale.pid && now.token === stale.token;
    if (!same) return;
    unlinkSync(file);
    log(stale
      ? `Took over the lock of ${path.dirname(file)} left by pid ${stale.pid} (started ${stale.startedAt}), which is no longer running.`
      : `Removed an unreadable lock file from ${path.dirname(file)}.`);
  } finally {
    removeIfThere(guard);
  }
}

function removeIfThere(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Takes the folder for this process: creates the lock file atomically (O_EXCL), takes over a dead owner's lock with
 * a log line, and throws DataDirBusyError when a live process owns it (this very process included).
 * @example const lock = await acquireDataDirLock('.maille'); … lock.release()
 */
export async function acquireDataDirLock(dataDir: string, log: (line: string) => void = (l) => process.stderr.write(`maille: ${l}\n`)): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    hostname: hostname(),
    token: randomBytes(32).toString('base64url'),
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeExclusive(file, JSON.stringify(owner));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 100) throw error;
    }
    const current = readLock(dataDir);
    if (current && ownerIsAlive(current)) throw new DataDirBusyError(dataDir, current);
    // An unreadable lock may be one being written right now: only an old one is taken over.
    if (current || ageMs(file) > 5_000) await takeOver(file, current, log);
    else await pause(50);
  }
  return ownLock(file, owner);
}

function ownLock(file: string, owner: LockOwner): DataDirLock {
  let held = true;
  const stillOurs = () => readLock(path.dirname(file))?.token === owner.token;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (stillOurs()) removeIfThere(file);
  };
  // A process that exits without closing (process.exit after a fatal error) leaves no lock behind.
  process.on('exit', release);
  return {
    file,
    owner,
    setUrl(url) {
      if (!held || !stillOurs()) return;
      owner.url = url;
      const temp = `${file}.${process.pid}.tmp`;
      removeIfThere(temp);
      writeExclusive(temp, JSON.stringify(owner));
      renameSync(temp, file);
    },
    release,
  };
}
