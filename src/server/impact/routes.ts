/** @module HTTP routes of impact: mode switches, my / community / territory impact, rankings, factors, live updates. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { getCommunityImpact, getMyImpact, getRankings, getTerritoryImpact } from './get-impact.ts';
import { INSTEAD_OF_MODES } from './counterfactual.ts';
import { MODES } from './impact.ts';
import { presentGesture, presentImpactView, presentRankings } from './present-impact.ts';
import { recordModeSwitch } from './record-mode-switch.ts';
import { streamCommunityImpact } from './stream-community-impact.ts';
import type { DelaySaved } from './summarise-impact.ts';
import { ImpactViewSchema, RankingsSchema } from './view-schemas.ts';
import { localDate } from '../core/time-of-day.ts';

const tags = ['impact'];
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
      params: TerritoryParam,
      body: Type.Object(
        {
          mode: StringEnum(MODES),
          date: Type.String({ format: 'date' }),
          leg: StringEnum(['out', 'back', 'other'] as const),
          km: Type.Optional(Type.Number({ minimum: 0.1, maximum: 300 })),
          occupants: Type.Optional(Type.Integer({ minimum: 2, maximum: 9 })),
          insteadOf: Type.Optional(StringEnum(INSTEAD_OF_MODES, 'The trip this one replaced; default: the usual mode of the commute profile, else none (nothing avoided).')),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Unknown(), ...problemResponses },
    },
    handler: async (req) => presentGesture(db, req.params.territory, await recordModeSwitch(deps, { slug: req.params.territory, viewer: req.viewer, trip: req.body })),
  });

  app.get(`${t}/impact/me`, {
    schema: { tags, params: TerritoryParam, querystring: Weeks, response: { 200: ImpactViewSchema, ...problemResponses } },
    handler: async (req) => presentImpactView(db, req.params.territory, await getMyImpact(deps, req.params.territory, req.viewer, req.query.weeks), today()),
  });

  app.get(`${t}/impact`, {
    schema: { tags, params: TerritoryParam, querystring: Weeks, response: { 200: ImpactViewSchema, ...problemResponses } },
    handler: async (req) => presentImpactView(db, req.params.territory, await getTerritoryImpact(deps, req.params.territory, req.query.weeks), today()),
  });

  app.get(`${t}/communities/:id/impact`, {
    schema: { tags, params: CommunityParams, querystring: Weeks, response: { 200: ImpactViewSchema, ...problemResponses } },
    handler: async (req) => presentImpactView(db, req.params.territory, await getCommunityImpact(deps, req.params.territory, req.params.id, req.viewer, req.query.weeks), today()),
  });

  app.get(`${t}/impact/rankings`, {
    schema: { tags, params: TerritoryParam, querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }, { additionalProperties: false }), response: { 200: RankingsSchema, ...problemResponses } },
    handler: async (req) => presentRankings(await getRankings(deps, req.params.territory, req.viewer, req.query.limit), today()),
  });

  // Server-sent events: a community page refreshes its figures when one of its members records a gesture.
  app.get(`${t}/communities/:id/impact/stream`, {
    schema: { tags, params: CommunityParams, description: 'text/event-stream of "gesture" events; a "closed" event ends it when the viewer may no longer follow the community' },
    handler: async (req, reply) => streamCommunityImpact(deps, req, reply, req.params),
  });
};
