// Password-reset timing: does the answer to POST /api/auth/password-reset tell whether an address has an account?
// Both distributions are measured in the same run, interleaved at random, through the real HTTP route on the
// embedded database (or DATABASE_URL): N requests for addresses with an account (each its own, so every one
// queues a mail) and N for addresses without one. Prints both distributions, the ratio of their medians and means,
// and how often the best single threshold on the time would guess right (50 % = no better than a coin).
// Run: npm run bench:reset [N]   (default 300)
import { createMaille } from '../src/server/app.ts';
import { hashPassword } from '../src/server/core/auth/password.ts';
import { loadConfig } from '../src/server/core/config.ts';

const N = Number(process.argv[2] ?? 300);
const WARMUP = 30;

const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) });
const maille = await createMaille(config, { jobs: false, ...(process.env.DATABASE_URL ? {} : { open: { dataDir: 'memory://' } }) });
const db = maille.database.db;
const run = Date.now().toString(36);
const hash = await hashPassword('a bench password of some length');
const known = Array.from({ length: N + WARMUP }, (_, i) => `known-${run}-${i}@bench.example`);
await db.insertInto('users').values(known.map((email) => ({ email, password_hash: hash, display_name: 'Bench', deleted_at: null, email_verified_at: new Date() }))).execute();
const unknown = Array.from({ length: N + WARMUP }, (_, i) => `unknown-${run}-${i}@bench.example`);

/** Deterministic shuffle (mulberry32), so each run interleaves the two kinds the same way. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const plan = shuffled([...known.map((email) => ({ email, exists: true })), ...unknown.map((email) => ({ email, exists: false }))], 20261207);
const times = { exists: [] as number[], missing: [] as number[] };
let seen = 0;
for (const { email, exists } of plan) {
  const started = performance.now();
  const res = await maille.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
  const ms = performance.now() - started;
  if (res.statusCode !== 202) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
  seen += 1;
  if (seen <= 2 * WARMUP) continue; // the first requests warm caches and the JIT for both kinds
  (exists ? times.exists : times.missing).push(ms);
}
const mails = await db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('purpose', '=', 'password_reset').executeTakeFirstOrThrow();
await maille.close();

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const describe = (xs: number[]) =>
  `n=${xs.length}  min ${quantile(xs, 0).toFixed(2)}  p10 ${quantile(xs, 0.1).toFixed(2)}  p50 ${quantile(xs, 0.5).toFixed(2)}  p90 ${quantile(xs, 0.9).toFixed(2)}  p99 ${quantile(xs, 0.99).toFixed(2)}  mean ${mean(xs).toFixed(2)} ms`;

/** The best accuracy of "slower than x means the account exists" (or faster), over every threshold x. */
function bestGuess(a: number[], b: number[]): number {
  const all = [...a.map((t) => ({ t, exists: true })), ...b.map((t) => ({ t, exists: false }))].sort((x, y) => x.t - y.t);
  let existsBelow = 0;
  let missingBelow = 0;
  let best = 0.5;
  for (const item of all) {
    if (item.exists) existsBelow += 1;
    else missingBelow += 1;
    // Guess "missing" at or below the threshold and "exists" above, or the reverse.
    const right = missingBelow + (a.length - existsBelow);
    best = Math.max(best, right / all.length, 1 - right / all.length);
  }
  return best;
}

console.log(`address with an account:    ${describe(times.exists)}`);
console.log(`address without an account: ${describe(times.missing)}`);
console.log(`ratio with / without: median ${(quantile(times.exists, 0.5) / quantile(times.missing, 0.5)).toFixed(3)}, mean ${(mean(times.exists) / mean(times.missing)).toFixed(3)}`);
console.log(`best single-threshold guess of "has an account": ${(100 * bestGuess(times.exists, times.missing)).toFixed(1)} % right (50 % = a coin toss)`);
console.log(`reset mails queued: ${mails.n} (expected ${N + WARMUP})`);
