/** @module `maille backup` and `maille restore`: copies of the embedded database, through the running Maille when there is one. */
import path from 'node:path';
import { loadConfig, type Config } from '../server/core/config.ts';
import { openDatabase } from '../server/core/database/connect.ts';
import { writeBackup } from '../server/core/database/backup-job.ts';
import { backupFileName, backupsDirOf, writeFileAtomic } from '../server/core/database/backups.ts';
import { restoreCommand as restoreLine } from '../server/core/database/pglite-folder.ts';
import { restoreDataDir } from '../server/core/database/restore.ts';
import { callRunning, runningOwner } from './running.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

function embeddedOnly(config: Config, verb: string): void {
  if (config.databaseUrl) {
    throw new Error(`maille ${verb} works on the embedded database; with DATABASE_URL, use the server's own tools (pg_dump, pg_restore).`);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export async function backupCommand(file: string | undefined): Promise<void> {
  const config = loadConfig();
  embeddedOnly(config, 'backup');
  const target = path.resolve(file ?? path.join(backupsDirOf(config.dataDir), backupFileName('maille', new Date())));
  const owner = runningOwner(config);
  let bytes: number;
  if (owner) {
    // The running Maille owns the folder: it takes the copy between two queries, and this process writes it.
    const data = new Uint8Array(await (await callRunning(config, owner, '/api/local/backup')).arrayBuffer());
    await writeFileAtomic(target, data);
    bytes = data.byteLength;
  } else {
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      bytes = await writeBackup(database.local!, target);
    } finally {
      await database.close();
    }
  }
  out(`Backed up ${config.dataDir} to ${target} (${megabytes(bytes)}).`);
  out(`Restore it with: ${restoreLine(target)}`);
}

export async function restoreCommand(file: string): Promise<void> {
  const config = loadConfig();
  embeddedOnly(config, 'restore');
  const source = path.resolve(file);
  const { accounts } = await restoreDataDir(config.dataDir, source);
  out(`Restored ${source} into ${config.dataDir}: ${accounts} accounts. Start Maille as usual.`);
}
