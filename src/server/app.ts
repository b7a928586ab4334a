/** @module Composition root: opens the database, migrates, seeds the demo, wires ports and routes. */
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts/routes.ts';
import { carpoolRoutes } from './carpool/routes.ts';
import { commitmentRoutes } from './commitments/routes.ts';
import { sweepCommitments } from './commitments/sweep.ts';
import { communityRoutes } from './communities/routes.ts';
import { commuteRoutes } from './commute/routes.ts';
import { corridorRoutes } from './corridors/routes.ts';
import { delaySavedForGestures } from './corridors/delay-saved.ts';
import { impactRoutes } from './impact/routes.ts';
import { factorRoutes } from './impact/factor-routes.ts';
import { startCampaignJobs } from './incentives/campaign-jobs.ts';
import { campaignRoutes } from './incentives/campaign-routes.ts';
import { walletRoutes } from './incentives/wallet-routes.ts';
import { moderationRoutes } from './moderation/routes.ts';
import { actingForHook } from './mediation/acting-for.ts';
import { personalDataSources } from './personal-data.ts';
import { mediationRoutes } from './mediation/routes.ts';
import { checkInRoutes } from './check-ins/routes.ts';
import { CHECK_IN_SWEEP_EVERY_MS, sweepCheckIns } from './check-ins/sweep.ts';
import { volunteeringRoutes } from './volunteering/routes.ts';
import { runVolunteeringJob, VOLUNTEERING_JOB_EVERY_MS } from './volunteering/reminders.ts';
import { mutualAidRoutes } from './mutual-aid/routes.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import { openDatabase, type DatabaseHandle, type OpenOptions } from './core/database/connect.ts';
import { migrateToLatest } from './core/database/migrate.ts';
import { BACKUP_CHECK_EVERY_MS, runDailyBackup } from './core/database/backup-job.ts';
import { localAdminRoutes } from './system/local-routes.ts';
import { createEventBus } from './core/events.ts';
import { startIntervalJob } from './core/jobs.ts';
import { bridgeThroughPostgres } from './core/events-postgres.ts';
import { buildApp, type RouteModule, type TypedApp } from './core/http/build-app.ts';
import { keepInOutbox, smtpDispatcher } from './core/mailer/dispatch.ts';
import { version } from './core/paths.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { sendDigests } from './notifications/send-digests.ts';
import { systemRoutes } from './system/routes.ts';
import { jobRoutes } from './system/job-routes.ts';
import { auditRoutes } from './territories/audit-routes.ts';
import { territoryRoutes } from './territories/routes.ts';

/** Every capability's routes, in the order they appear in the OpenAPI document. */
export const routeModules: RouteModule[] = [
  systemRoutes,
  accountRoutes,
  territoryRoutes,
  communityRoutes,
  auditRoutes,
  commuteRoutes,
  carpoolRoutes,
  corridorRoutes,
  impactRoutes({ delaySaved: delaySavedForGestures }),
  factorRoutes,
  commitmentRoutes,
  notificationRoutes,
  campaignRoutes,
  walletRoutes,
  mutualAidRoutes,
  volunteeringRoutes,
  checkInRoutes,
  mediationRoutes,
  moderationRoutes,
];

/** How often an API process looks for due notification digests (daily 07:00, weekly Monday 07:00, Paris; idempotent). */
export const DIGEST_EVERY_MS = 10 * 60_000;

/** How often an API process sweeps commitments (idempotent, so several processes may). */
export const SWEEP_EVERY_MS = 5 * 60_000;

export interface Maille {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  serveWeb?: boolean;
  /** Run the periodic jobs (the commitments sweep); on unless false. */
  jobs?: boolean;
  /** Open an already-prepared database instead of the configured one (tests). */
  database?: DatabaseHandle;
  open?: Partial<OpenOptions>;
}

/** Opens and migrates the database, then builds the HTTP application on it. */
export async function createMaille(config: Config, options: StartOptions = {}): Promise<Maille> {
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, ...options.open }));
  await migrateToLatest(database.db);
  // Several API processes on one PostgreSQL server keep their match indexes and live views in step.
  let logError = (error: unknown) => console.error('event bridge:', error);
  const bridge = database.url
    ? await bridgeThroughPostgres(createEventBus(), {
        db: database.db,
        databaseUrl: database.url,
        shared: ['carpool.trip_changed', 'carpool.settings_changed', 'community.membership_changed', 'account.erased', 'gesture.recorded'],
        onError: (error) => logError(error),
      })
    : undefined;
  const bus = bridge?.bus ?? createEventBus();
  const mail = config.smtpUrl ? smtpDispatcher(database.db, config.smtpUrl, config.mailFrom) : keepInOutbox;
  const app = await buildApp(
    { db: database.db, databaseKind: database.kind, clock: options.clock ?? systemClock, bus, config, version, personalData: personalDataSources },
    { routes: routeModules, serveWeb: options.serveWeb ?? false, viewerHooks: [actingForHook] },
  );
  logError = (error) => app.log.error({ err: error }, 'event bridge');
  // On a PGlite folder, the CLI reads mail and takes backups through this process, which owns the folder.
  const local = database.local;
  if (local) await app.register(async (api) => localAdminRoutes(api as TypedApp, { db: database.db, local }));
  // Running campaigns are settled every 5 minutes, and soon after a gesture is recorded in their territory.
  const campaigns = startCampaignJobs({ db: database.db, clock: options.clock ?? systemClock, bus }, (error) => app.log.error({ err: error }, 'campaign settlement failed'));
  const flush = () => {
    mail.flush().catch((error: unknown) => app.log.error({ err: error }, 'mail dispatch failed'));
  };
  const unsubscribe = bus.subscribe('mail.queued', flush);
  // A mail that failed (SMTP down) is retried every minute; unref so it never keeps the process alive.
  const retry = config.smtpUrl ? setInterval(flush, 60_000).unref() : undefined;
  // Failure notices, stall nudges and "did you do it?" go out from here (or from `maille jobs run`).
  const clock = options.clock ?? systemClock;
  const sweep =
    options.jobs === false
      ? undefined
      : startIntervalJob(() => sweepCommitments({ db: database.db, config, bus }, clock.now()), SWEEP_EVERY_MS, (error) =>
          app.log.error({ err: error }, 'commitments sweep failed'),
        );
  // Volunteering: reminders the day before a mission, completion of missions that are over, waiting lists refilled.
  const volunteering =
    options.jobs === false
      ? undefined
      : startIntervalJob(() => runVolunteeringJob({ db: database.db, config, bus }, clock.now()), VOLUNTEERING_JOB_EVERY_MS, (error) =>
          app.log.error({ err: error }, 'volunteering job failed'),
        );
  const digests =
    options.jobs === false
      ? undefined
      : startIntervalJob(() => sendDigests({ db: database.db, config, bus }, clock.now()), DIGEST_EVERY_MS, (error) =>
          app.log.error({ err: error }, 'notification digests failed'),
        );
  // Daily check-ins: a missed deadline alerts the referents; no acknowledgement within the delay escalates to the people on duty.
  const checkIns =
    options.jobs === false
      ? undefined
      : startIntervalJob(() => sweepCheckIns({ db: database.db, config, bus }, clock.now()), CHECK_IN_SWEEP_EVERY_MS, (error) =>
          app.log.error({ err: error }, 'check-ins sweep failed'),
        );
  // The embedded database is backed up once a day into <data dir>/backups, kept MAILLE_BACKUP_DAYS days.
  const backups =
    options.jobs === false || !local || config.backupDays === 0
      ? undefined
      : startIntervalJob(
          async () => {
            const r = await runDailyBackup({ local, clock, keepDays: config.backupDays });
            if (r.written || r.removed.length) app.log.info({ written: r.written, removed: r.removed }, 'daily backup');
          },
          BACKUP_CHECK_EVERY_MS,
          (error) => app.log.error({ err: error }, 'daily backup failed'),
        );
  return {
    app,
    database,
    close: async () => {
      clearInterval(retry);
      backups?.stop();
      checkIns?.stop();
      sweep?.stop();
      digests?.stop();
      volunteering?.stop();
      unsubscribe();
      await campaigns.stop();
      await app.close();
      await bridge?.close();
      await database.close();
    },
  };
}
