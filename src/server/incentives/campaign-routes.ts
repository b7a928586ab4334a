/** @module HTTP routes of incentive campaigns: drafts, live simulation, launch, settle, close, lottery draws. */
import type { RouteModule } from '../core/http/build-app.ts';

export const campaignRoutes: RouteModule = () => {};
