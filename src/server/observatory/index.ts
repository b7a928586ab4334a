/**
 * @module The public entry of observatory: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { alertJobs } from './alerts/jobs.ts';
export { alertRoutes } from './alerts/routes.ts';
export { commandJobs } from './commands/jobs.ts';
export { commandRoutes } from './commands/routes.ts';
export { countOpenObservatoryAlerts } from './alerts/alerts.ts';
export { zoneRoutes } from './zones/routes.ts';
export { ngsiLdRoutes } from './ngsi-ld/routes.ts';
export { observatoryRoutes } from './routes.ts';
export { observatoryJobs } from './jobs.ts';
export { startMqttIngestion } from './start-mqtt.ts';
export { ingestReadings } from './ingest-readings.ts';
export type { ReadingInput } from './ingest-readings.ts';
export { entityIdOf, upsertThing } from './things.ts';
export { demoThings, readingsAt } from './simulation.ts';
