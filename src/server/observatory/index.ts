/**
 * @module The public entry of observatory: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { countOpenObservatoryAlerts } from './alerts/alerts.ts';
export { alertJobs } from './alerts/jobs.ts';
export { alertRoutes } from './alerts/routes.ts';
export { commandJobs } from './commands/jobs.ts';
export { commandRoutes } from './commands/routes.ts';
export { ingestReadings } from './ingest-readings.ts';
export { observatoryJobs } from './jobs.ts';
export { readingsTopic } from './mqtt-messages.ts';
export { ngsiLdRoutes } from './ngsi-ld/routes.ts';
export { observatoryRoutes } from './routes.ts';
export { demoThings, readingsAt } from './simulation.ts';
export { startMqttIngestion } from './start-mqtt.ts';
export { entityIdOf, upsertThing } from './things.ts';
export type { ReadingInput } from './validate-reading.ts';
export { zoneRoutes } from './zones/routes.ts';
