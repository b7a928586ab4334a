/** @module Composition root: opens the database, migrates, seeds the demo, wires ports and routes. */
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts/index.ts';
import { carpoolJobs, carpoolRoutes } from './carpool/index.ts';
import { commitmentRoutes } from './commitments/index.ts';
import { commitmentJobs } from './commitments/index.ts';
import { communityRoutes } from './communities/index.ts';
import { commuteRoutes } from './commute/index.ts';
import { corridorAdminRoutes, corridorRoutes } from './corridors/index.ts';
import { delaySavedForGestures } from './corridors/index.ts';
import { impactRoutes } from './impact/index.ts';
import { factorRoutes } from './impact/index.ts';
import { incentiveJobs, SETTLE_CAMPAIGNS, SETTLE_SOON_MS } from './incentives/index.ts';
import { campaignRoutes } from './incentives/index.ts';
import { walletRoutes } from './incentives/index.ts';
import { moderationRoutes } from './moderation/index.ts';
import { overviewRoutes } from './overview/index.ts';
import { actingForHook } from './mediation/index.ts';
import { personalDataSources } from './personal-data.ts';
import { mediationRoutes } from './mediation/index.ts';
import { checkInRoutes } from './check-ins/index.ts';
import { checkInJobs } from './check-ins/index.ts';
import { volunteeringRoutes } from './volunteering/index.ts';
import { volunteeringJobs } from './volunteering/index.ts';
import { mutualAidRoutes } from './mutual-aid/index.ts';
import { placeRoutes } from './places/index.ts';
import { ngsiLdRoutes } from './observatory/index.ts';
import { observatoryJobs, observatoryRoutes, startMqttIngestion } from './observatory/index.ts';
import { alertJobs, alertRoutes, commandJobs, commandRoutes, zoneRoutes } from './observatory/index.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Config } from './core/config.ts';
import { openDatabase, type DatabaseHandle, type OpenOptions } from './core/database/connect.ts';
import { migrateToLatest } from './core/database/migrate.ts';
import { backupJobs } from './core/database/backup-job.ts';
import { localAdminRoutes } from './system/index.ts';
import { createEventBus } from './core/events.ts';
import { startJobRunner, type Job } from './core/jobs.ts';
import { bridgeThroughPostgres } from './core/events-postgres.ts';
import { buildApp, type RouteModule, type TypedApp } from './core/http/build-app.ts';
import { keepInOutbox, smtpDispatcher } from './core/mailer/dispatch.ts';
import { version } from './core/paths.ts';
import { notificationRoutes } from './notifications/index.ts';
import { notificationJobs } from './notifications/index.ts';
import { systemRoutes } from './system/index.ts';
import { jobRoutes } from './system/index.ts';
import { auditRoutes } from './territories/index.ts';
import { bootTerritoryCard, resolveScopeTerritory, territoryRoutes } from './territories/index.ts';

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
  corridorAdminRoutes,
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
  placeRoutes,
  observatoryRoutes,
  alertRoutes,
  zoneRoutes,
  commandRoutes,
  overviewRoutes({ delaySaved: delaySavedForGestures }),
  jobRoutes,
  ngsiLdRoutes,
];

/** Every periodic job, as each capability declares it: the API processes and `maille jobs run` read this one list. */
export const jobs: Job[] = [...commitmentJobs, ...incentiveJobs, ...volunteeringJobs, ...notificationJobs, ...checkInJobs, ...carpoolJobs, ...observatoryJobs, ...alertJobs, ...commandJobs, ...backupJobs];

export interface Maille {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** The observatory's MQTT ingestion when started (`mqtt: true`): the embedded broker's port, or the external broker. */
  mqtt: { kind: 'embedded' | 'external'; port: number | null } | null;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  serveWeb?: boolean;
  /** Run the periodic jobs (`jobs` above) on the queue; on unless false; `pollMs` looks for due jobs more often (tests). */
  jobs?: boolean | { pollMs: number };
  /** Serve only these route modules instead of all of them (a fault test's light child process). */
  routes?: RouteModule[];
  /** Open an already-prepared database instead of the configured one (tests). */
  database?: DatabaseHandle;
  open?: Partial<OpenOptions>;
  /** Start the observatory's MQTT ingestion (the embedded broker, or MQTT_URL's): `maille start` does; off unless asked. */
  mqtt?: boolean;
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
        shared: ['carpool.trip_changed', 'carpool.settings_changed', 'carpool.ride_changed', 'community.membership_changed', 'account.erased', 'gesture.recorded'],
        onError: (error) => logError(error),
      })
    : undefined;
  const bus = bridge?.bus ?? createEventBus();
  const mail = config.smtpUrl ? smtpDispatcher(database.db, options.clock ?? systemClock, config.smtpUrl, config.mailFrom) : keepInOutbox;
  const app = await buildApp(
    { db: database.db, databaseKind: database.kind, clock: options.clock ?? systemClock, bus, config, version, personalData: personalDataSources },
    { routes: options.routes ?? routeModules, serveWeb: options.serveWeb ?? false, viewerHooks: [actingForHook], territoryResolver: resolveScopeTerritory, bootData: bootTerritoryCard({ db: database.db, config }) },
  );
  logError = (error) => app.log.error({ err: error }, 'event bridge');
  // On a PGlite folder, the CLI reads mail and takes backups through this process, which owns the folder.
  const local = database.local;
  if (local) await app.register(async (api) => localAdminRoutes(api as TypedApp, { db: database.db, local }));
  const flush = () => {
    mail.flush().catch((error: unknown) => app.log.error({ err: error }, 'mail dispatch failed'));
  };
  const unsubscribe = bus.subscribe('mail.queued', flush);
  // A mail that failed (SMTP down) is retried every minute; unref so it never keeps the process alive.
  const retry = config.smtpUrl ? setInterval(flush, 60_000).unref() : undefined;
  // Periodic jobs, claimed on the queue in the database: each due job runs once across the API processes.
  const clock = options.clock ?? systemClock;
  const runner =
    options.jobs === false
      ? undefined
      : startJobRunner(jobs, { db: database.db, config, bus, clock, local }, {
          schedule: systemClock,
          ...(typeof options.jobs === 'object' ? { pollMs: options.jobs.pollMs } : {}),
          onRun: (job, r) => {
            if (r.status === 'failed') app.log.error({ err: r.error, job: job.name }, 'periodic job failed (retried with backoff)');
          },
          onError: (error) => app.log.error({ err: error }, 'periodic jobs'),
        });
  // A gesture recorded brings its campaigns' settlement forward (a burst of gestures shares one run).
  const unsubscribeGestures = bus.subscribe('gesture.recorded', () => runner?.runSoon(SETTLE_CAMPAIGNS, SETTLE_SOON_MS));
  const mqtt = options.mqtt
    ? await startMqttIngestion({ db: database.db, clock, config }, { localToken: local?.lock.owner.token, log: app.log }).catch(async (error: unknown) => {
        // A port taken or an unreachable MQTT_URL stops the start, and leaves nothing open behind it.
        await runner?.stop();
        await app.close();
        await bridge?.close();
        await database.close();
        throw error;
      })
    : null;
  return {
    app,
    database,
    mqtt: mqtt && { kind: mqtt.kind, port: mqtt.port },
    close: async () => {
      // Readings being stored are committed (and acknowledged) before the database closes.
      await mqtt?.close();
      clearInterval(retry);
      unsubscribe();
      unsubscribeGestures();
      // A job under way finishes before the database closes.
      await runner?.stop();
      await app.close();
      await bridge?.close();
      await database.close();
    },
  };
}
