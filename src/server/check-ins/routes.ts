/** @module HTTP routes: Daily check-ins for isolated people: enrolment, referents, alerts, escalation. */
import type { RouteModule } from '../core/http/build-app.ts';

export const checkInRoutes: RouteModule = () => {};
