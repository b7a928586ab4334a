/** @module HTTP routes of incentive campaigns: drafts, live simulation, launch, settle, top-up, close, return of the remainder, lottery draws. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import { CampaignInputSchema } from './campaign-input.ts';
import { closeCampaign, createCampaign, getCampaign, launchCampaign, listCampaigns, settleNow, updateCampaign, visibleCampaign } from './campaign-manage.ts';
import { returnRemainder } from './campaign-return.ts';
import { simulateDraft } from './campaign-simulate.ts';
import { SimulationSchema } from './view-schemas.ts';
import { MAX_TOP_UP_CENTS, topUpCampaign } from './campaign-top-up.ts';
import { listDraws } from './lottery-draws.ts';
import { presentCampaign, presentCampaigns } from './present-campaign.ts';
import { localDate } from '../core/time-of-day.ts';

const tags = ['campaigns'];
const base = '/api/territories/:territory/campaigns';
const Params = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const View = Type.Unknown({ description: 'CampaignView (docs/incentives.md)' });
const Reference = Type.String({ minLength: 1, maxLength: 120, description: 'The decision or payment this refers to (e.g. a council decision number)' });

export const campaignRoutes: RouteModule = (app, deps) => {
  // Money figures come from the campaign's rules and ledger; each response says so, dated.
  const today = () => localDate(deps.clock.now());
  app.get(base, {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(View), provenance: Type.Unknown() }), ...problemResponses } },
    handler: async (req) => presentCampaigns(await listCampaigns(deps, req.params.territory, req.viewer), today()),
  });

  app.post(base, {
    schema: { tags, params: TerritoryParam, body: CampaignInputSchema, response: { 201: Type.Object({ id: Type.String() }), ...problemResponses } },
    handler: async (req, reply) => reply.status(201).send(await createCampaign(deps, { slug: req.params.territory, viewer: req.viewer, campaign: req.body })),
  });

  app.post(`${base}/simulate`, {
    schema: {
      tags,
      params: TerritoryParam,
      body: Type.Object({ campaign: CampaignInputSchema, weeks: Type.Integer({ minimum: 1, maximum: 26 }) }, { additionalProperties: false }),
      response: { 200: SimulationSchema, ...problemResponses },
    },
    handler: async (req) => presentCampaign(await simulateDraft(deps, { slug: req.params.territory, viewer: req.viewer, campaign: req.body.campaign, weeks: req.body.weeks, requestId: req.id }), today(), 'simulation'),
  });

  app.get(`${base}/:id`, {
    schema: { tags, params: Params, response: { 200: View, ...problemResponses } },
    handler: async (req) => presentCampaign(await getCampaign(deps, req.params.territory, req.params.id, req.viewer), today()),
  });

  app.put(`${base}/:id`, {
    schema: { tags, params: Params, body: CampaignInputSchema, response: { 200: View, ...problemResponses } },
    handler: async (req) => presentCampaign(await updateCampaign(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, campaign: req.body }), today()),
  });

  app.post(`${base}/:id/launch`, {
    schema: { tags, params: Params, response: { 200: View, ...problemResponses } },
    handler: async (req) => presentCampaign(await launchCampaign(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, requestId: req.id }), today()),
  });

  app.post(`${base}/:id/settle`, {
    schema: {
      tags,
      params: Params,
      response: {
        200: Type.Object({ awarded: Type.Integer(), paidCents: Type.Integer(), exhausted: Type.Boolean(), held: Type.Integer(), draws: Type.Integer(), provenance: Type.Unknown() }),
        ...problemResponses,
      },
    },
    handler: async (req) => presentCampaign(await settleNow(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id }), today()),
  });

  app.post(`${base}/:id/top-ups`, {
    schema: {
      tags,
      params: Params,
      body: Type.Object({ cents: Type.Integer({ minimum: 1, maximum: MAX_TOP_UP_CENTS }), reference: Reference }, { additionalProperties: false }),
      response: { 200: Type.Unknown({ description: 'TopUpResult (a retry with the same reference)' }), 201: Type.Unknown({ description: 'TopUpResult' }), ...problemResponses },
    },
    handler: async (req, reply) => {
      const result = await topUpCampaign(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, cents: req.body.cents, reference: req.body.reference, requestId: req.id });
      return reply.status(result.replayed ? 200 : 201).send(presentCampaign(result, today()));
    },
  });

  app.post(`${base}/:id/return`, {
    schema: {
      tags,
      params: Params,
      body: Type.Object({ reference: Reference }, { additionalProperties: false }),
      response: { 200: Type.Unknown({ description: 'ReturnResult' }), ...problemResponses },
    },
    handler: async (req) => presentCampaign(await returnRemainder(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, reference: req.body.reference, requestId: req.id }), today()),
  });

  app.post(`${base}/:id/close`, {
    schema: { tags, params: Params, response: { 200: View, ...problemResponses } },
    handler: async (req) => presentCampaign(await closeCampaign(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, requestId: req.id }), today()),
  });

  app.get(`${base}/:id/draws`, {
    schema: { tags, params: Params, response: { 200: Type.Object({ items: Type.Array(Type.Unknown({ description: 'DrawView' })), provenance: Type.Unknown() }), ...problemResponses } },
    handler: async (req) => {
      const { row } = await visibleCampaign(deps, req.params.territory, req.params.id, req.viewer);
      return presentCampaigns(await listDraws(deps.db, row.id, req.viewer), today());
    },
  });
};
