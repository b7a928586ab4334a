/** @module HTTP routes: Mediators: assisted accounts with consent, time-boxed sessions on behalf, offline intake, takeover. */
import type { RouteModule } from '../core/http/build-app.ts';

export const mediationRoutes: RouteModule = () => {};
