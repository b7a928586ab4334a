// Fault test of the embedded database: Maille runs as a real process on a PGlite folder while clients sign up and
// rename themselves over HTTP; it is killed at a random moment, 25 times with SIGTERM and 25 with SIGKILL, and each
// next start must open the folder and find every write it had acknowledged. Every tenth start (and the last) is the
// real `maille start`; the others are a light Maille (test/support/kill-cycle-child.ts: the same opening, HTTP stack
// and shutdown, only the account routes), so a start does not pay for every other route.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, runCli, startMaille, type MailleProcess } from './support/maille-process.ts';

const CYCLES = 50;
const TERRITORY = 'faults';
const dataDir = mkdtempSync(path.join(tmpdir(), 'maille-kill-'));
let cli = '';
let child = '';
let running: MailleProcess | undefined;

interface Account {
  email: string;
  cookie: string;
  csrf: string;
  /** The last display name the server acknowledged, and the one sent after it that may or may not have committed. */
  acked: string;
  pending: string | null;
}

const accounts: Account[] = [];

function cookiesOf(res: Response): { cookie: string; csrf: string } {
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = pairs.find((p) => p.startsWith('maille_csrf='))?.slice('maille_csrf='.length) ?? '';
  return { cookie: pairs.join('; '), csrf };
}

/** One client: signs up, then renames itself again and again, recording what the server acknowledged. */
async function client(origin: string, name: string, stop: { done: boolean }, acked: { n: number }): Promise<void> {
  let me: Account | undefined;
  for (let i = 0; !stop.done; i += 1) {
    try {
      if (!me || i % 6 === 0) {
        const email = `${name}-${i}@faults.test`;
        const res = await fetch(`${origin}/api/auth/sign-up`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'a solid passphrase', displayName: 'n0', territory: TERRITORY }),
        });
        if (res.status !== 201) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
        me = { email, ...cookiesOf(res), acked: 'n0', pending: null };
        accounts.push(me);
      } else {
        const next = `n${i}`;
        me.pending = next;
        const res = await fetch(`${origin}/api/me`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', cookie: me.cookie, 'x-csrf-token': me.csrf },
          body: JSON.stringify({ displayName: next }),
        });
        if (res.status !== 200) throw new Error(`rename answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        me.acked = next;
        me.pending = null;
      }
      acked.n += 1;
    } catch (error) {
      // The server was killed under this request: nothing was acknowledged. Anything else is a real failure.
      if (!stop.done) throw error;
      return;
    }
  }
}

/** Every acknowledged sign-up still signs in with its session, with its last acknowledged name (or the one in flight). */
async function expectEverything(origin: string, which: readonly Account[]): Promise<void> {
  for (const a of which) {
    const res = await fetch(`${origin}/api/me`, { headers: { cookie: a.cookie } });
    expect(res.status, a.email).toBe(200);
    const me = (await res.json()) as { email: string; displayName: string };
    expect(me.email).toBe(a.email);
    expect([a.acked, a.pending], a.email).toContain(me.displayName);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  cli = bundleCli('kill-cycles');
  child = bundleCli('kill-cycles', 'test/support/kill-cycle-child.ts');
  const seeded = runCli(cli, dataDir, ['seed', '--residents', '0', '--slug', TERRITORY, '--name', 'Faults']);
  expect(seeded.code, seeded.stderr).toBe(0);
}, 300_000);

afterAll(() => {
  running?.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(path.dirname(cli), { recursive: true, force: true });
});

describe('the embedded database under SIGTERM and SIGKILL', () => {
  let last: MailleProcess | undefined;

  // 51 starts of a real process: a few minutes on two free cores, far more on a crowded machine, hence the hour.
  // Cycle 0, 10, 20, 30 and 40 (SIGTERM) and the last start are `maille start`; the takeovers after cycles 9, 19 …
  // are its own.
  it(`loses no acknowledged write over ${CYCLES} kills at random moments`, { timeout: 3_600_000 }, async () => {
    let checked: Account[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const signal = cycle % 2 === 0 ? 'SIGTERM' : 'SIGKILL';
      const maille = cycle % 10 === 0 ? await startMaille(cli, dataDir) : await startMaille(child, dataDir, {}, []);
      running = maille;
      // A killed owner left its lock: this start took it over (and said so) rather than refuse to open.
      if (cycle % 2 === 0 && cycle > 0) expect(maille.stderr()).toContain(`Took over the lock of ${dataDir} left by pid`);
      // The start opened the folder: what the previous cycle acknowledged is all there.
      await expectEverything(maille.origin, checked);
      const from = accounts.length;
      const stop = { done: false };
      const acked = { n: 0 };
      const clients = Promise.all([0, 1, 2].map((w) => client(maille.origin, `c${cycle}-w${w}`, stop, acked)));
      // Kill under load: once writes are being acknowledged, after a random extra moment (a client's failure ends the wait).
      const acknowledging = (async () => {
        while (acked.n === 0 && !stop.done) await pause(5);
      })();
      await Promise.race([acknowledging, clients]).catch((error: unknown) => {
        stop.done = true;
        maille.child.kill('SIGKILL');
        throw error;
      });
      await pause(Math.random() * 400);
      stop.done = true;
      maille.child.kill(signal);
      const code = await maille.exited;
      await clients;
      if (signal === 'SIGTERM') {
        // A clean stop: the server and the database closed, and the lock went with them.
        expect(code, maille.stderr()).toBe(0);
        expect(existsSync(path.join(dataDir, 'maille.lock'))).toBe(false);
      }
      // A client only ever renames the account it signed up last, so older accounts no longer change.
      checked = accounts.slice(from);
    }
    last = await startMaille(cli, dataDir);
    running = last;
    await expectEverything(last.origin, accounts);
    expect(accounts.length).toBeGreaterThan(CYCLES);
  });

  it('while it runs, reads mail and takes a backup through it, refuses a second start with one clear line; the backup restores', { timeout: 300_000 }, async () => {
    expect(last).toBeDefined();
    const mail = runCli(cli, dataDir, ['mail', 'list', '--limit', '3']);
    expect(mail.code, mail.stderr).toBe(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'maille-kept-')), 'kept.tar.gz');
    const backup = runCli(cli, dataDir, ['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Restore it with: npx maille restore ${file}`);
    const refused = runCli(cli, dataDir, ['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^maille: Maille is running \(pid \d+, serving .+\) on this folder .+: stop it first\.$/);
    const second = runCli(cli, dataDir, ['start', '--dev']);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `maille: Maille is running (pid ${last!.child.pid}, serving ${last!.origin}) on this folder (${dataDir}): stop it first.`,
    ]);
    last!.child.kill('SIGTERM');
    expect(await last!.exited).toBe(0);
    const restored = runCli(cli, dataDir, ['restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    // Every acknowledged sign-up is in it, and those a kill cut short may be too.
    expect(Number(/: (\d+) accounts\./.exec(restored.stdout)?.[1])).toBeGreaterThanOrEqual(accounts.length);
    rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
