/** @module HTTP routes: Neighbour mutual aid: requests, offers, helpers, private addresses, thanks. */
import type { RouteModule } from '../core/http/build-app.ts';

export const mutualAidRoutes: RouteModule = () => {};
