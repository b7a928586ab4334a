/** @module The CLI's commands: each parses its options, calls one use-case, prints the result. */
import { loadConfig, type Config } from '../server/core/config.ts';
import { openDatabase } from '../server/core/database/connect.ts';
import { migrateToLatest } from '../server/core/database/migrate.ts';
import { listOutbox } from '../server/core/mailer/outbox.ts';
import { createMaille } from '../server/app.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_NAME,
  DEMO_PASSWORD,
  DEMO_SLUG,
  ensureDemoAssisted,
  ensureDemoCampaign,
  ensureDemoCheckIns,
  ensureDemoCommitments, ensureDemoObservatory,
  ensureDemoCorridors,
  ensureDemoMutualAid,
  ensureDemoShops,
  ensureDemoVolunteering,
  hasDemoAccounts,
  seedDemoIfEmpty,
  seedDemoMobility,
  seedTerritory,
} from '../server/demo/index.ts';
import { ensureWebBuilt } from './build-web.ts';
import { progressBar } from './progress.ts';
import { callRunning, localUrl, runningOwner } from './running.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

function open(config: Config) {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

export async function startCommand(options: { dev?: boolean }): Promise<void> {
  const config = loadConfig();
  if (!options.dev) await ensureWebBuilt(config.webDir, out);
  const maille = await createMaille(config, { serveWeb: !options.dev, mqtt: true });
  const { db, kind } = maille.database;
  if (config.demo) {
    const bar = progressBar('Seeding the demo territory');
    const seeded = await seedDemoIfEmpty(db, config.demoResidents, bar.update);
    bar.stop();
    if (seeded) out(`Seeded ${DEMO_NAME}: ${seeded.residents} residents, ${seeded.communities} communities.`);
    const corridors = await ensureDemoCorridors(db);
    if (corridors) out(`Added ${corridors} demo corridors into Dijon (plausible, invented traffic figures).`);
    const gestures = await seedDemoMobility(db, new Date());
    if (gestures) out(`Added synthetic commutes, carpool offers and ${gestures} gestures of the last six weeks.`);
    const shops = await ensureDemoShops(db);
    if (shops) out(`Added ${shops} invented participating shops (vouchers); points only arrive through campaigns.`);
    const paid = await ensureDemoCampaign(db, new Date());
    if (paid !== null) out(`Launched a demo incentive campaign; it paid ${(paid / 100).toFixed(2)} € for the recorded gestures.`);
    const assisted = await ensureDemoAssisted(db, new Date());
    if (assisted) out(`Added ${assisted} invented assisted residents, created by the demo mediator with paper consent references.`);
    const volunteering = await ensureDemoVolunteering(db, new Date());
    if (volunteering) out(`Added ${volunteering.organisations} invented volunteering organisations, ${volunteering.missions} missions and ${volunteering.participations} applications.`);
    const aid = await ensureDemoMutualAid(db, new Date());
    if (aid) out(`Added synthetic mutual aid: ${aid.helpers} helpers, ${aid.openRequests} open requests, ${aid.offers} standing offers and ${aid.doneRequests} requests done in past weeks.`);
    const checkIns = await ensureDemoCheckIns(db, new Date());
    if (checkIns) out(`Added ${checkIns} synthetic daily check-in follow-ups with referents and two weeks of history; the demo mediator is on duty.`);
    const observatory = await ensureDemoObservatory(db, new Date());
    if (observatory) out(`Added ${observatory.things} invented sensors and equipment to the observatory with ${observatory.readings} readings of the last 24 hours.`);
    const commitments = await ensureDemoCommitments(db, new Date());
    if (commitments) out(`Added ${commitments} invented conditional commitments, one at every stage (collecting, close to binding, succeeded, active, completed with a kept rate, failed).`);
  }
  const address = await maille.app.listen({ port: config.port, host: config.host });
  // The lock now says where this process serves: `maille mail list` and `maille backup` come here.
  maille.database.local?.lock.setUrl(localUrl(address));
  const shown = address.replace('127.0.0.1', 'localhost');
  out(`Maille is running on ${kind === 'pglite' ? `embedded PostgreSQL (PGlite, ${config.dataDir})` : 'PostgreSQL'}.`);
  if (maille.mqtt) out(maille.mqtt.kind === 'embedded' ? `Sensors publish over MQTT to mqtt://${config.mqttHost}:${maille.mqtt.port} (observatory).` : `The observatory reads sensors from ${config.mqttUrl}.`);
  if (maille.database.local && config.backupDays > 0) out(`Daily backups go to ${config.dataDir}/backups (kept ${config.backupDays} days).`);
  out(`Open ${shown}/t/${DEMO_SLUG}`);
  if (config.demo && (await hasDemoAccounts(db))) {
    out(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) out(`  ${a.email.padEnd(30)} ${a.note}`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Every acknowledged write is already in the files: a close that hangs may be cut short without losing any.
    setTimeout(() => {
      process.stderr.write('maille: the server did not close within 10 s; exiting anyway.\n');
      process.exit(1);
    }, 10_000).unref();
    try {
      await maille.close();
    } catch (error) {
      process.stderr.write(`maille: closing failed: ${(error as Error).message}\n`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const database = await open(config);
  try {
    const applied = await migrateToLatest(database.db);
    out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await database.close();
  }
}

export async function seedCommand(options: { residents: string; slug: string; name: string; seed: string }): Promise<void> {
  const residents = Number(options.residents);
  if (!Number.isInteger(residents) || residents < 0 || residents > 2_000_000) {
    throw new Error('--residents must be an integer from 0 to 2000000.');
  }
  const config = loadConfig();
  const database = await open(config);
  try {
    await migrateToLatest(database.db);
    const bar = progressBar(`Seeding ${options.slug}`);
    const started = Date.now();
    const result = await seedTerritory(database.db, {
      slug: options.slug,
      name: options.name,
      residents,
      seed: Number(options.seed),
      onProgress: bar.update,
    });
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    out(`Seeded ${options.slug}: ${result.residents} residents, ${result.communities} communities, ${result.memberships} memberships in ${seconds.toFixed(1)} s.`);
  } finally {
    await database.close();
  }
}

interface ListedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date | string;
  sentAt: Date | string | null;
}

export async function mailListCommand(options: { limit: string }): Promise<void> {
  const config = loadConfig();
  const limit = Math.min(Math.max(Math.trunc(Number(options.limit)) || 20, 1), 500);
  // A running Maille owns the folder: ask it, never open the folder a second time.
  const owner = runningOwner(config);
  let items: ListedMail[];
  if (owner) {
    items = ((await (await callRunning(config, owner, `/api/local/mail?limit=${limit}`)).json()) as { items: ListedMail[] }).items;
  } else {
    const database = await open(config);
    try {
      items = await listOutbox(database.db, limit);
    } finally {
      await database.close();
    }
  }
  if (items.length === 0) out('The outbox is empty.');
  for (const m of items) {
    out(`#${m.id} ${new Date(m.createdAt).toISOString()} → ${m.to}${m.sentAt ? ' (sent)' : ''}\n  ${m.subject}\n  ${m.text.replace(/\n/g, '\n  ')}\n`);
  }
}
