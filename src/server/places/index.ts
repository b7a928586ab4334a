/**
 * @module The public entry of places: the only file other capabilities, the composition root and the CLI import from
 * it (dependency rules in .dependency-cruiser.cjs; docs/architecture.md). Kept to what they use by `npm run entries`.
 */
export { addMeetingPoints } from './add-meeting-points.ts';
export type { NewMeetingPoint } from './add-meeting-points.ts';
export { nearestMeetingPoints } from './meeting-points.ts';
export { placeRoutes } from './routes.ts';
