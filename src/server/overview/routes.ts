/** @module HTTP routes: the home page's overview (docs/overview.md) — the territory's week, mine, the operator's to-do list, the live stream. */
import type { RouteModule } from '../core/http/build-app.ts';
import { eventStreamResponse, problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import type { DelaySaved } from '../impact/index.ts';
import { getMyOverview } from './get-my-overview.ts';
import { getTerritoryOverview } from './get-territory-overview.ts';
import { getToDo } from './get-to-do.ts';
import * as S from './schemas.ts';
import { streamOverview } from './stream-overview.ts';

const tags = ['overview'];
const base = '/api/territories/:territory/overview';
const problems = problemResponsesFor(S.OVERVIEW_REASONS);

export const overviewRoutes =
  (ports: { delaySaved: DelaySaved }): RouteModule =>
  (app, deps) => {
    const overviewDeps = { ...deps, ...ports };

    app.get(base, {
      schema: {
        tags,
        summary: 'Read the territory’s week: gestures by kind, what they are worth, trend, corridors, commitments close to binding, people per commune',
        operationId: 'getTerritoryOverview',
        security: [],
        description: 'Public. Every count of people goes through the small-group rule (PRIVACY_MIN_GROUP); every figure carries its provenance.',
        params: TerritoryParam,
        response: { 200: S.TerritoryOverviewSchema, ...problems },
      },
      handler: async (req) => getTerritoryOverview(overviewDeps, req.scope),
    });

    app.get(`${base}/me`, {
      schema: {
        tags,
        summary: 'Read my week, my communities’ week and my next useful actions',
        operationId: 'getMyOverview',
        security: [{ session: [] }],
        params: TerritoryParam,
        response: { 200: S.MyOverviewSchema, ...problems },
      },
      handler: async (req) => getMyOverview(overviewDeps, req.scope),
    });

    app.get(`${base}/todo`, {
      schema: {
        tags,
        summary: 'Read the operator’s to-do list: how many items wait in each queue',
        operationId: 'getOperatorToDo',
        security: [{ session: [] }],
        description: 'Operators and admins. Counts only, no personal data.',
        params: TerritoryParam,
        response: { 200: S.ToDoSchema, ...problems },
      },
      handler: async (req) => getToDo(deps, req.scope),
    });

    app.get(`${base}/stream`, {
      schema: {
        tags,
        summary: 'Follow the territory’s week live (server-sent events)',
        operationId: 'streamTerritoryOverview',
        security: [],
        params: TerritoryParam,
        response: { 200: eventStreamResponse('"changed" when a gesture is recorded in the territory (at most one every few seconds)'), ...problems },
      },
      handler: async (req, reply) => streamOverview(deps, req, reply),
    });
  };
