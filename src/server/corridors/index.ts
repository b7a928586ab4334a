/**
 * @module The public entry of corridors: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { corridorAdminRoutes } from './admin-routes.ts';
export { bestShift, peakSlot } from './best-shift.ts';
export { DIJON_CORRIDORS } from './corridor-presets.ts';
export { insertCorridor } from './create-corridor.ts';
export { delaySavedForGestures } from './delay-saved.ts';
export { listCorridors } from './get-corridor.ts';
export { corridorPersonalData } from './personal-data.ts';
export { corridorRoutes } from './routes.ts';
