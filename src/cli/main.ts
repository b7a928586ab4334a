#!/usr/bin/env node
/** @module The `maille` command line: start, migrate, seed, mail list, jobs run, backup, restore. */
import { Command } from 'commander';
import { ConfigError } from '../server/core/config.ts';
import { DEMO_NAME } from '../server/demo/index.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';
import { mailListCommand, migrateCommand, seedCommand, startCommand } from './commands.ts';
import { jobsRunCommand } from './jobs-command.ts';
import { simulateSensorsCommand } from './simulate-command.ts';

const program = new Command('maille').description('Maille: small gestures, collective capacity.').showHelpAfterError();

program
  .command('start')
  .description('migrate, seed the demo territory on an empty database (demo mode), serve the API and web app')
  .option('--dev', 'API only, for use with the Vite dev server')
  .action(startCommand);

program.command('migrate').description('apply pending database migrations').action(migrateCommand);

program
  .command('seed')
  .description('seed a territory with deterministic synthetic residents and communities')
  .option('--residents <n>', 'number of synthetic residents', '2000')
  .option('--slug <slug>', 'territory slug (must not exist yet)', 'dijon-metropole')
  .option('--name <name>', 'territory name', DEMO_NAME)
  .option('--seed <n>', 'random seed: same seed, same territory', '2026')
  .action(seedCommand);

program
  .command('backup')
  .description('copy the embedded database into a file (default: <data dir>/backups/maille-<time>.tar.gz), through the running Maille if there is one')
  .argument('[file]', 'the backup file to write')
  .action(backupCommand);

program
  .command('restore')
  .description('replace the embedded database with a backup (Maille must be stopped); the previous files are kept until the restored ones open')
  .argument('<file>', 'a backup file (.tar.gz) written by maille backup or the daily backup')
  .action(restoreCommand);

const mail = program.command('mail').description('the mail outbox (mail is kept there when SMTP_URL is not set)');
mail.command('list').description('list the most recent mails (through the running Maille if there is one)').option('--limit <n>', 'how many', '20').action(mailListCommand);

const simulate = program.command('simulate').description('simulated feeders for the demo observatory');
simulate
  .command('sensors')
  .description('publish realistic readings of the demo territory’s invented sensors over MQTT to the running Maille')
  .option('--devices <n>', 'how many of the demo things publish', '60')
  .option('--rate <r>', 'readings per second in total', '50')
  .option('--seconds <s>', 'stop after this long (default: until Ctrl-C)')
  .option('--url <mqtt-url>', 'the broker (default: mqtt://MQTT_HOST:MQTT_PORT)')
  .option('--key <ingest-key>', 'an ingest key (default: MAILLE_INGEST_KEY, or the running Maille’s local token)')
  .option('--territory <slug>', 'the territory', 'dijon-metropole')
  .action(simulateSensorsCommand);

const jobs = program.command('jobs').description('periodic jobs (the API processes run each one when due, once across them)');
jobs
  .command('run')
  .description('run every periodic job once now: commitments sweep, campaign settlement, volunteering reminders, digests, check-ins sweep, daily backup')
  .action(jobsRunCommand);

program.parseAsync(process.argv).catch((error: unknown) => {
  // One clear line, no stack trace, for mistakes a person can fix.
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`maille: ${message}\n`);
  if (!(error instanceof ConfigError) && process.env.LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
});
