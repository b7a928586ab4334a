/** @module HTTP routes of incentive campaigns: drafts, live simulation, launch, settle, top-up, close, return of the remainder, lottery draws. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import { CampaignInputSchema } from './campaign-input.ts';
import { closeCampaign, createCampaign, getCampaign, launchCampaign, listCampaigns, settleNow, updateCampaign, visibleCampaign } from './campaign-manage.ts';
import { returnRemainder } from './campaign-return.ts';
import { simulateDraft } from './campaign-simulate.ts';
import { MAX_TOP_UP_CENTS, topUpCampaign } from './campaign-top-up.ts';
import { listDraws } from './lottery-draws.ts';
import { presentCampaign, presentCampaigns } from './present-campaign.ts';
import { localDate } from '../core/time-of-day.ts';
import {
  CampaignAnswer,
  CampaignCreated,
  CampaignList,
  DrawList,
  INCENTIVE_REASONS,
  ReturnAnswer,
  SettleAnswer,
  ShownCampaignAnswer,
  SimulationAnswer,
  TopUpAnswer,
} from './schemas.ts';

const tags = ['campaigns'];
const base = '/api/territories/:territory/campaigns';
const Params = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const problems = problemResponsesFor(INCENTIVE_REASONS);
const signedIn: Record<string, string[]>[] = [{ session: [] }];
const anyone: Record<string, string[]>[] = [{}, { session: [] }];
const Reference = Type.String({ minLength: 1, maxLength: 120, description: 'The decision or payment this refers to (e.g. a council decision number)' });

export const campaignRoutes: RouteModule = (app, deps) => {
  // Money figures come from the campaign's rules and ledger; each response says so, dated.
  const today = () => localDate(deps.clock.now());
  app.get(base, {
    schema: {
      summary: 'List the territory’s campaigns',
      description: 'Active and closed campaigns for anyone, drafts too for operators and admins; what a campaign paid is shown once at least PRIVACY_MIN_GROUP people were paid.',
      operationId: 'listCampaigns',
      tags,
      security: anyone,
      params: TerritoryParam,
      response: { 200: CampaignList, ...problems },
    },
    handler: async (req) => presentCampaigns(await listCampaigns(deps, req.scope), today()),
  });

  app.post(base, {
    schema: { summary: 'Create a draft campaign', operationId: 'createCampaign', tags, security: signedIn, params: TerritoryParam, body: CampaignInputSchema, response: { 201: CampaignCreated, ...problems } },
    handler: async (req, reply) => reply.status(201).send(await createCampaign(deps, req.scope, req.body)),
  });

  app.post(`${base}/simulate`, {
    schema: {
      summary: 'Simulate a draft campaign over past weeks',
      description: 'Runs the draft over the gestures recorded in the last `weeks` weeks; nothing is paid. Audited.',
      operationId: 'simulateCampaign',
      tags,
      security: signedIn,
      params: TerritoryParam,
      body: Type.Object({ campaign: CampaignInputSchema, weeks: Type.Integer({ minimum: 1, maximum: 26 }) }, { additionalProperties: false }),
      response: { 200: SimulationAnswer, ...problems },
    },
    handler: async (req) => presentCampaign(await simulateDraft(deps, req.scope, req.body), today(), 'simulation'),
  });

  app.get(`${base}/:id`, {
    schema: { summary: 'Read a campaign', description: 'Drafts are 404 to all but operators and admins.', operationId: 'getCampaign', tags, security: anyone, params: Params, response: { 200: ShownCampaignAnswer, ...problems } },
    handler: async (req) => presentCampaign(await getCampaign(deps, req.scope, { id: req.params.id }), today()),
  });

  app.put(`${base}/:id`, {
    schema: {
      summary: 'Edit a draft campaign',
      description: '409 `not_draft` once launched.',
      operationId: 'updateCampaign',
      tags,
      security: signedIn,
      params: Params,
      body: CampaignInputSchema,
      response: { 200: CampaignAnswer, ...problems },
    },
    handler: async (req) => presentCampaign(await updateCampaign(deps, req.scope, { id: req.params.id, campaign: req.body }), today()),
  });

  app.post(`${base}/:id/launch`, {
    schema: {
      summary: 'Launch a draft campaign',
      description: 'Funds its budget from the territory, commits a lottery’s seeds, settles the gestures already recorded. 409 `not_draft`. Audited.',
      operationId: 'launchCampaign',
      tags,
      security: signedIn,
      params: Params,
      response: { 200: CampaignAnswer, ...problems },
    },
    handler: async (req) => presentCampaign(await launchCampaign(deps, req.scope, { id: req.params.id }), today()),
  });

  app.post(`${base}/:id/settle`, {
    schema: {
      summary: 'Settle a running campaign now',
      description: 'Pays each eligible gesture once within the budget and draws the lottery weeks due (the periodic job does it anyway). 409 `not_active`.',
      operationId: 'settleCampaign',
      tags,
      security: signedIn,
      params: Params,
      response: { 200: SettleAnswer, ...problems },
    },
    handler: async (req) => presentCampaign(await settleNow(deps, req.scope, { id: req.params.id }), today()),
  });

  app.post(`${base}/:id/top-ups`, {
    schema: {
      summary: 'Top up a running campaign’s budget',
      description: '201 when added; a retry with the same reference answers 200 with the first top-up and writes nothing. 409 `not_active`. Audited.',
      operationId: 'topUpCampaign',
      tags,
      security: signedIn,
      params: Params,
      body: Type.Object({ cents: Type.Integer({ minimum: 1, maximum: MAX_TOP_UP_CENTS }), reference: Reference }, { additionalProperties: false }),
      response: { 200: TopUpAnswer, 201: TopUpAnswer, ...problems },
    },
    handler: async (req, reply) => {
      const result = await topUpCampaign(deps, req.scope, { id: req.params.id, ...req.body });
      return reply.status(result.replayed ? 200 : 201).send(presentCampaign(result, today()));
    },
  });

  app.post(`${base}/:id/return`, {
    schema: {
      summary: 'Return what remains of a closed campaign’s budget',
      description: 'Gives the remainder back to the territory, once (a retry answers the first return). 409 `not_closed`, `nothing_left`. Audited.',
      operationId: 'returnCampaignRemainder',
      tags,
      security: signedIn,
      params: Params,
      body: Type.Object({ reference: Reference }, { additionalProperties: false }),
      response: { 200: ReturnAnswer, ...problems },
    },
    handler: async (req) => presentCampaign(await returnRemainder(deps, req.scope, { id: req.params.id, reference: req.body.reference }), today()),
  });

  app.post(`${base}/:id/close`, {
    schema: {
      summary: 'Close a running campaign',
      description: 'No more payouts or draws; what remains stays on its budget until it is returned. 409 `not_active`. Audited.',
      operationId: 'closeCampaign',
      tags,
      security: signedIn,
      params: Params,
      response: { 200: CampaignAnswer, ...problems },
    },
    handler: async (req) => presentCampaign(await closeCampaign(deps, req.scope, { id: req.params.id }), today()),
  });

  app.get(`${base}/:id/draws`, {
    schema: {
      summary: 'List a lottery campaign’s draws',
      description: 'Public: each week’s seed commitment; the seed, tickets and winners once drawn, so anyone can rerun the draw.',
      operationId: 'listCampaignDraws',
      tags,
      security: anyone,
      params: Params,
      response: { 200: DrawList, ...problems },
    },
    handler: async (req) => {
      const { row } = await visibleCampaign(deps, req.scope, { id: req.params.id });
      return presentCampaigns(await listDraws(deps.db, row.id, req.scope.viewer), today());
    },
  });
};
