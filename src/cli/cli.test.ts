// The `maille` command line as a person runs it: real processes, a real PGlite data folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'maille-cli-'));

function maille(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, MAILLE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('maille CLI', () => {
  it('stops with one clear line naming a wrong variable', () => {
    const r = maille(['migrate'], { PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['maille: PORT="abc" is invalid: expected an integer from 0 to 65535.']);
  });

  // Four PGlite starts in separate processes: give it room on a loaded 2-core machine.
  it('migrates, seeds a territory with a progress report, keeps it across runs, and lists mail', { timeout: 120_000 }, () => {
    expect(maille(['migrate']).stdout).toMatch(/Applied: 0001_foundation, 0002_mobility/);
    expect(maille(['migrate']).stdout).toMatch(/up to date/);
    const seeded = maille(['seed', '--residents', '120', '--slug', 'cli-test', '--name', 'CLI']);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded cli-test: 120 residents, 40 communities/);
    expect(seeded.stderr).toMatch(/Seeding cli-test: \d+\/160/);
    // The data folder persisted: seeding the same slug again is refused.
    const again = maille(['seed', '--residents', '10', '--slug', 'cli-test']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(maille(['mail', 'list']).stdout).toMatch(/outbox is empty/);
  });

  // Every declared job, once, through the queue: the second run finds each job's row and runs it again on demand.
  it('runs every periodic job once with jobs run, the daily backup included, and records each run', { timeout: 120_000 }, () => {
    const env = { MAILLE_BACKUP_DAYS: '7' };
    const first = maille(['jobs', 'run'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.split('\n').map((line) => line.split(':')[0]).filter(Boolean)).toEqual([
      'Commitments',
      'Campaigns',
      'Volunteering',
      'Notification digests',
      'Check-ins',
      'Carpool',
      'Observatory partitions',
      'Observatory retention',
      'Observatory alerts',
      'Observatory commands',
      'Backup',
    ]);
    expect(first.stdout).toMatch(/^Backup: written to .+daily-.+\.tar\.gz, 0 old ones removed\.$/m);
    const second = maille(['jobs', 'run'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^Backup: the day’s one is there, 0 old ones removed\.$/m);
  });

  // Five processes that each load the CLI: room for a crowded machine.
  it('documents each command with --help', { timeout: 120_000 }, () => {
    for (const command of ['start', 'migrate', 'seed', 'mail', 'jobs']) {
      const r = maille([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: maille/);
    }
  });
});
