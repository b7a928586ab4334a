// Maille as a real process on a PGlite data folder, for fault tests: the CLI bundled once with esbuild (a start then
// costs what Maille costs, not a TypeScript compile), started, spoken to over HTTP, and killed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/** Bundles src/cli/main.ts (or another entry) into .tmp (packages stay external, resolved from the project's node_modules). */
export function bundleCli(name: string, entry = 'src/cli/main.ts'): string {
  const dir = path.join(root, '.tmp', `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  buildSync({ entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' });
  return outfile;
}

export interface MailleProcess {
  child: ChildProcess;
  origin: string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
}

export function cliEnv(dataDir: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MAILLE_DATA_DIR: dataDir,
    DATABASE_URL: '',
    MAILLE_DEMO: 'false',
    MAILLE_BACKUP_DAYS: '0',
    LOG_LEVEL: 'warn',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  };
}

/** Runs a CLI command to its end. */
export function runCli(cli: string, dataDir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, env: cliEnv(dataDir, env), encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `maille start --dev` (or a bundled entry of its own, `args` empty) and resolves once it prints where it listens. */
export function startMaille(cli: string, dataDir: string, env: Record<string, string> = {}, args = ['start', '--dev']): Promise<MailleProcess> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: cliEnv(dataDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open (http:\/\/\S+?)\/t\//.exec(out);
      if (m) resolve({ child, origin: m[1]!.replace('localhost', '127.0.0.1'), stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`maille start exited (${code}) before listening:\n${out}\n${err}`)));
  });
}
