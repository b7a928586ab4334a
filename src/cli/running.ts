/** @module The Maille that owns the data folder, if one runs: the CLI goes through it rather than open the folder a second time. */
import type { Config } from '../server/core/config.ts';
import { liveOwner, type LockOwner } from '../server/core/database/data-dir-lock.ts';

/** The live process that owns the configured PGlite folder; null with a PostgreSQL server or when none runs. */
export function runningOwner(config: Config): LockOwner | null {
  return config.databaseUrl ? null : liveOwner(config.dataDir);
}

/**
 * Calls a local admin route of the running Maille with the folder's token.
 * @example const res = await callRunning(config, owner, '/api/local/mail?limit=20')
 */
export async function callRunning(config: Config, owner: LockOwner, path: string): Promise<Response> {
  if (!owner.url) {
    throw new Error(`Maille is starting (pid ${owner.pid}) on this folder (${config.dataDir}): try again in a moment, or stop it first.`);
  }
  let res: Response;
  try {
    res = await fetch(new URL(path, owner.url), { headers: { authorization: `Bearer ${owner.token}` } });
  } catch (error) {
    throw new Error(`Maille is running (pid ${owner.pid}) on this folder but does not answer at ${owner.url} (${(error as Error).message}): stop it first.`, {
      cause: error,
    });
  }
  if (!res.ok) {
    const detail = ((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? res.statusText;
    throw new Error(`The running Maille (pid ${owner.pid}) answered ${res.status}: ${detail}`);
  }
  return res;
}

/** The address the CLI reaches a server at: a wildcard listen address is reached on loopback. */
export function localUrl(address: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}
