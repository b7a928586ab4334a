/** @module HTTP routes: Safety: reports, automatic hiding, moderation queue, blocks; notification preferences and digests. */
import type { RouteModule } from '../core/http/build-app.ts';

export const moderationRoutes: RouteModule = () => {};
