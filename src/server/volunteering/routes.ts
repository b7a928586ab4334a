/** @module HTTP routes: Volunteering: organisations, missions, participations, reminders, attendance. */
import type { RouteModule } from '../core/http/build-app.ts';

export const volunteeringRoutes: RouteModule = () => {};
