/** @module `maille jobs run`: every periodic job of the one list (`jobs` in app.ts), once, through the same queue as the servers. */
import { jobs } from '../server/app.ts';
import { systemClock } from '../server/core/clock.ts';
import { loadConfig } from '../server/core/config.ts';
import { openDatabase } from '../server/core/database/connect.ts';
import { migrateToLatest } from '../server/core/database/migrate.ts';
import { runJobsOnce } from '../server/core/jobs.ts';
import { smtpDispatcher } from '../server/core/mailer/dispatch.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function jobsRunCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let failed = 0;
  try {
    await migrateToLatest(database.db);
    const deps = { db: database.db, config, clock: systemClock, local: database.local };
    let mailed = 0;
    for (const { job, result } of await runJobsOnce(jobs, deps, systemClock)) {
      if (result.status === 'succeeded') {
        out(result.outcome.summary);
        mailed += result.outcome.mailed ?? 0;
      } else if (result.status === 'busy') {
        out(`${job.name}: running in another Maille process right now; left to it.`);
      } else {
        failed += 1;
        out(`${job.name} failed: ${result.error instanceof Error ? result.error.message : String(result.error)} (recorded; the servers retry it)`);
      }
    }
    if (mailed > 0 && config.smtpUrl) out(`Sent ${await smtpDispatcher(database.db, systemClock, config.smtpUrl, config.mailFrom).flush()} mails.`);
    else if (mailed > 0) out('No SMTP_URL: the mails stay in the outbox (maille mail list).');
  } finally {
    await database.close();
  }
  if (failed > 0) process.exitCode = 1;
}
