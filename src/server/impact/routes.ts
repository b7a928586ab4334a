/** @module HTTP routes of impact: mode switches, my / community / territory impact, rankings, live updates. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import { getCommunityImpact, getMyImpact, getRankings, getTerritoryImpact } from './get-impact.ts';
import { presentGesture, presentImpactView, presentRankings } from './present-impact.ts';
import { recordModeSwitch } from './record-mode-switch.ts';
import { ImpactResponse, ModeSwitchBody, ModeSwitchResponse, RankingsResponse } from './schemas.ts';
import { streamCommunityImpact } from './stream-community-impact.ts';
import type { DelaySaved } from './summarise-impact.ts';
import { localDate } from '../core/time-of-day.ts';

const tags = ['impact'];
const signedIn = [{ session: [] }];
const optional: { [scheme: string]: string[] }[] = [{}, { session: [] }];
const t = '/api/territories/:territory';
const Weeks = Type.Object({ weeks: Type.Integer({ minimum: 1, maximum: 52, default: 8 }) }, { additionalProperties: false });
const CommunityParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });

/** The impact routes, given the ports the composition root wires (`delaySaved`: corridors' queue model). */
export const impactRoutes = (ports: { delaySaved: DelaySaved }): RouteModule => (app, appDeps) => {
  const deps = { ...appDeps, ...ports };
  const { db } = deps;
  // Figures name the day they were computed (queue model, rankings).
  const today = () => localDate(deps.clock.now());

  app.post(`${t}/gestures/mode-switches`, {
    schema: {
      tags,
      summary: 'Record a trip by bike, on foot, by public transport, carpool or telework, measured against the trip it replaced',
      operationId: 'recordModeSwitch',
      security: signedIn,
      params: TerritoryParam,
      body: ModeSwitchBody,
      response: { 200: ModeSwitchResponse, ...problemResponses },
    },
    handler: async (req) => presentGesture(db, req.scope.territory, await recordModeSwitch(deps, req.scope, req.body)),
  });

  app.get(`${t}/impact/me`, {
    schema: { tags, summary: 'Read my impact per week, with totals, factors and "not alone"', operationId: 'getMyImpact', security: signedIn, params: TerritoryParam, querystring: Weeks, response: { 200: ImpactResponse, ...problemResponses } },
    handler: async (req) => presentImpactView(db, req.scope.territory, await getMyImpact(deps, req.scope, req.query), today()),
  });

  app.get(`${t}/impact`, {
    schema: { tags, summary: 'Read the territory’s impact per week, under the small-group rule', operationId: 'getTerritoryImpact', security: [], params: TerritoryParam, querystring: Weeks, response: { 200: ImpactResponse, ...problemResponses } },
    handler: async (req) => presentImpactView(db, req.scope.territory, await getTerritoryImpact(deps, req.scope, req.query), today()),
  });

  app.get(`${t}/communities/:id/impact`, {
    schema: {
      tags,
      summary: 'Read a community’s impact per week: whole to its members, under the small-group rule to others',
      operationId: 'getCommunityImpact',
      security: optional,
      params: CommunityParams,
      querystring: Weeks,
      response: { 200: ImpactResponse, ...problemResponses },
    },
    handler: async (req) => presentImpactView(db, req.scope.territory, await getCommunityImpact(deps, req.scope, { id: req.params.id, weeks: req.query.weeks }), today()),
  });

  app.get(`${t}/impact/rankings`, {
    schema: {
      tags,
      summary: 'Rank communities by participation this week',
      operationId: 'listCommunityRankings',
      security: optional,
      params: TerritoryParam,
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false }),
      response: { 200: RankingsResponse, ...problemResponses },
    },
    handler: async (req) => presentRankings(await getRankings(deps, req.scope, req.query), today()),
  });

  // Server-sent events: a community page refreshes its figures when one of its members records a gesture.
  app.get(`${t}/communities/:id/impact/stream`, {
    schema: {
      tags,
      summary: 'Follow a community’s gestures live (server-sent events)',
      operationId: 'streamCommunityImpact',
      security: optional,
      params: CommunityParams,
      description: 'text/event-stream of "gesture" events; a "closed" event ends it when the viewer may no longer follow the community',
      response: {
        200: {
          description: 'an event stream: `event: gesture` when a member records one, `event: closed` when the viewer may no longer follow',
          content: { 'text/event-stream': { schema: Type.String({ description: 'server-sent events (text/event-stream)' }) } },
        },
        ...problemResponses,
      },
    },
    handler: async (req, reply) => streamCommunityImpact(deps, req, reply, { id: req.params.id }),
  });
};
