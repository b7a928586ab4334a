/**
 * @module The public entry of notifications: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { digestCadence, latestSlot, mailPlan } from './email-preference.ts';
export { notificationJobs } from './jobs.ts';
export { notify } from './notify.ts';
export type { NotificationInput, NotificationLocale, NotifyContext } from './notify.ts';
export { notificationPersonalData } from './personal-data.ts';
export { notificationRoutes } from './routes.ts';
