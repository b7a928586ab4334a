/** @module HTTP routes of incentive campaigns: drafts, live simulation, launch, settle, top-up, close, return of the remainder, lottery draws. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponses, TerritoryParam } from '../core/http/schemas.ts';
import { CampaignInputSchema } from './campaign-input.ts';
import { closeCampaign, createCampaign, getCampaign, launchCampaign, listCampaigns, settleNow, updateCampaign, visibleCampaign } from './campaign-manage.ts';
import { returnRemainder } from './campaign-return.ts';
import { simulateDraft } from './campaign-simulate.ts';
import { MAX_TOP_UP_CENTS, topUpCampaign } from './campaign-top-up.ts';
import { listDraws } from './lottery-draws.ts';

const tags = ['campaigns'];
const base = '/api/territories/:territory/campaigns';
const Params = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const View = Type.Unknown({ description: 'CampaignView (docs/incentives.md)' });
const Reference = Type.String({ minLength: 1, maxLength: 120, description: 'The decision or payment this refers to (e.g. a council decision number)' });

export const campaignRoutes: RouteModule = (app, deps) => {
  app.get(base, {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(View) }), ...problemResponses } },
    handler: async (req) => ({ items: await listCampaigns(deps, req.params.territory, req.viewer) }),
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
      response: { 200: Type.Unknown({ description: 'SimulationView' }), ...problemResponses },
    },
    handler: async (req) => simulateDraft(deps, { slug: req.params.territory, viewer: req.viewer, campaign: req.body.campaign, weeks: req.body.weeks }),
  });

  app.get(`${base}/:id`, {
    schema: { tags, params: Params, response: { 200: View, ...problemResponses } },
    handler: async (req) => getCampaign(deps, req.params.territory, req.params.id, req.viewer),
  });

  app.put(`${base}/:id`, {
    schema: { tags, params: Params, body: CampaignInputSchema, response: { 200: View, ...problemResponses } },
    handler: async (req) => updateCampaign(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, campaign: req.body }),
  });

  app.post(`${base}/:id/launch`, {
    schema: { tags, params: Params, response: { 200: View, ...problemResponses } },
    handler: async (req) => launchCampaign(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, requestId: req.id }),
  });

  app.post(`${base}/:id/settle`, {
    schema: {
      tags,
      params: Params,
      response: {
        200: Type.Object({ awarded: Type.Integer(), paidCents: Type.Integer(), exhausted: Type.Boolean(), held: Type.Integer(), draws: Type.Integer() }),
        ...problemResponses,
      },
    },
    handler: async (req) => settleNow(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id }),
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
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  });

  app.post(`${base}/:id/return`, {
    schema: {
      tags,
      params: Params,
      body: Type.Object({ reference: Reference }, { additionalProperties: false }),
      response: { 200: Type.Unknown({ description: 'ReturnResult' }), ...problemResponses },
    },
    handler: async (req) => returnRemainder(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, reference: req.body.reference, requestId: req.id }),
  });

  app.post(`${base}/:id/close`, {
    schema: { tags, params: Params, response: { 200: View, ...problemResponses } },
    handler: async (req) => closeCampaign(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, requestId: req.id }),
  });

  app.get(`${base}/:id/draws`, {
    schema: { tags, params: Params, response: { 200: Type.Object({ items: Type.Array(Type.Unknown({ description: 'DrawView' })) }), ...problemResponses } },
    handler: async (req) => {
      const { row } = await visibleCampaign(deps, req.params.territory, req.params.id, req.viewer);
      return { items: await listDraws(deps.db, row.id, req.viewer) };
    },
  });
};
