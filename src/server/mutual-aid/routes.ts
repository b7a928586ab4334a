/** @module HTTP routes: Neighbour mutual aid: requests, offers, helpers, private addresses, thanks. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, NoContent, problemResponsesFor, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { acceptHelper } from './accept-helper.ts';
import { getRequestAddress } from './address.ts';
import { cancelRequest, markDone } from './close-request.ts';
import { closeOffer } from './close-offer.ts';
import { createRequest } from './create-request.ts';
import { getHelpImpact, getMyHelpImpact } from './get-help-impact.ts';
import { deleteHelperProfile, getHelperProfile, saveHelperProfile } from './helper-profile.ts';
import { listOffers } from './list-offers.ts';
import { listHelping, listMyRequests, listNearbyRequests, viewRequest } from './list-requests.ts';
import { AID_KINDS, AID_TIMES, AID_URGENCIES, MAX_RADIUS_KM, MIN_RADIUS_KM } from './model.ts';
import { offerHelp, withdrawOffer } from './offer-help.ts';
import { publishOffer } from './publish-offer.ts';
import * as S from './schemas.ts';
import { thankHelper } from './thank-helper.ts';

const tags = ['mutual-aid'];
const base = '/api/territories/:territory/mutual-aid';
const Params = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const Point = Type.Object({ lat: Type.Number({ minimum: -90, maximum: 90 }), lng: Type.Number({ minimum: -180, maximum: 180 }) }, { additionalProperties: false });
const Kind = StringEnum(AID_KINDS);
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true });
const Times = Type.Array(StringEnum(AID_TIMES), { minItems: 1, maxItems: 3, uniqueItems: true });
const Weeks = Type.Integer({ minimum: 1, maximum: 52, default: 8 });
const signedIn: { session: string[] }[] = [{ session: [] }];
const optionalSession: Record<string, string[]>[] = [{}, { session: [] }];
const problemResponses = problemResponsesFor(S.MUTUAL_AID_REASONS);

export const mutualAidRoutes: RouteModule = (app, deps) => {
  app.post(`${base}/requests`, {
    schema: {
      tags,
      summary: 'Ask for help',
      operationId: 'createHelpRequest',
      security: signedIn,
      description: 'Ask for help. The place is kept as an H3 cell (resolution 8) and its commune; the exact address is stored apart. Suitable nearby helpers are notified. A mediator in a mediation session files it for the resident.',
      params: TerritoryParam,
      body: Type.Object(
        {
          kind: Kind,
          urgency: StringEnum(AID_URGENCIES),
          window: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
          description: Type.String({ minLength: 1, maxLength: 1000 }),
          place: Point,
          address: Type.String({ minLength: 1, maxLength: 300 }),
          contact: Type.Optional(Type.String({ maxLength: 200 })),
          idempotencyKey: Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
        },
        { additionalProperties: false },
      ),
      response: { 201: S.CreatedRequest, ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createRequest(deps, req.scope, req.body)),
  });

  app.get(`${base}/requests/mine`, {
    schema: { tags, summary: 'List my help requests', operationId: 'listMyHelpRequests', security: signedIn, description: 'My requests, with the offers received.', params: TerritoryParam, response: { 200: S.OwnRequests, ...problemResponses } },
    handler: async (req) => ({ items: await listMyRequests(deps, req.scope) }),
  });

  app.get(`${base}/requests/nearby`, {
    schema: {
      tags,
      summary: 'List help requests near me',
      operationId: 'listNearbyHelpRequests',
      security: signedIn,
      description: 'Requests within my helper radius, approximate area only (commune, H3 cell, rounded distance).',
      params: TerritoryParam,
      response: { 200: S.NearbyRequests, ...problemResponses },
    },
    handler: async (req) => listNearbyRequests(deps, req.scope),
  });

  app.get(`${base}/requests/helping`, {
    schema: { tags, summary: 'List the requests I help with', operationId: 'listHelpingRequests', security: signedIn, description: 'Requests I offered to take or was accepted for.', params: TerritoryParam, response: { 200: S.HelpingRequests, ...problemResponses } },
    handler: async (req) => ({ items: await listHelping(deps, req.scope) }),
  });

  app.get(`${base}/requests/:id`, {
    schema: { tags, summary: 'Read a help request', operationId: 'getHelpRequest', security: signedIn, params: Params, response: { 200: S.RequestView, ...problemResponses } },
    handler: async (req) => viewRequest(deps, req.scope, { id: req.params.id }),
  });

  app.get(`${base}/requests/:id/address`, {
    schema: {
      tags,
      summary: 'Read a help request\'s exact address',
      operationId: 'getHelpRequestAddress',
      security: signedIn,
      description: 'The exact address: the requester, and the accepted helper while the request is matched (each read audited). 403 for everyone else, operators and admins included; 403 `closed` once done or cancelled (the address is then erased).',
      params: Params,
      response: { 200: S.PrivateAddress, ...problemResponses },
    },
    handler: async (req) => getRequestAddress(deps, req.scope, { id: req.params.id }),
  });

  app.post(`${base}/requests/:id/offers`, {
    schema: {
      tags,
      summary: 'Offer to help',
      operationId: 'offerHelp',
      security: signedIn,
      description: 'A helper (with a helper profile) offers to take the request; a retry answers the same.',
      params: Params,
      body: Type.Optional(Type.Object({ message: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })),
      response: { 200: S.OfferOutcome, ...problemResponses },
    },
    handler: async (req) => offerHelp(deps, req.scope, { id: req.params.id, message: req.body?.message }),
  });

  app.delete(`${base}/requests/:id/offers/mine`, {
    schema: { tags, summary: 'Withdraw my offer of help', operationId: 'withdrawHelpOffer', security: signedIn, description: 'A helper withdraws their offer (an accepted helper steps back: the request reopens).', params: Params, response: { 200: S.OfferOutcome, ...problemResponses } },
    handler: async (req) => withdrawOffer(deps, req.scope, { id: req.params.id }),
  });

  app.post(`${base}/requests/:id/accept`, {
    schema: {
      tags,
      summary: 'Accept a helper',
      operationId: 'acceptHelper',
      security: signedIn,
      description: 'The requester accepts one helper who offered (409 `not_offered` otherwise).',
      params: Params,
      body: Type.Object({ helperId: IdParam }, { additionalProperties: false }),
      response: { 200: S.Accepted, ...problemResponses },
    },
    handler: async (req) => acceptHelper(deps, req.scope, { id: req.params.id, helperId: req.body.helperId }),
  });

  app.post(`${base}/requests/:id/done`, {
    schema: {
      tags,
      summary: 'Mark a help request done',
      operationId: 'markHelpRequestDone',
      security: signedIn,
      description: 'The requester or the accepted helper marks a matched request done, optionally with the hours it took.',
      params: Params,
      body: Type.Optional(Type.Object({ hours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 })) }, { additionalProperties: false })),
      response: { 200: S.RequestStatus, ...problemResponses },
    },
    handler: async (req) => markDone(deps, req.scope, { id: req.params.id, hours: req.body?.hours }),
  });

  app.post(`${base}/requests/:id/cancel`, {
    schema: { tags, summary: 'Cancel a help request', operationId: 'cancelHelpRequest', security: signedIn, description: 'The requester cancels the request.', params: Params, response: { 200: S.RequestStatus, ...problemResponses } },
    handler: async (req) => cancelRequest(deps, req.scope, { id: req.params.id }),
  });

  app.post(`${base}/requests/:id/thanks`, {
    schema: {
      tags,
      summary: 'Thank the helper',
      operationId: 'thankHelper',
      security: signedIn,
      description: 'Once done, the requester thanks the helper (once).',
      params: Params,
      body: Type.Object({ message: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      response: { 200: S.Thanked, ...problemResponses },
    },
    handler: async (req) => thankHelper(deps, req.scope, { id: req.params.id, message: req.body.message }),
  });

  app.get(`${base}/helper-profile`, {
    schema: { tags, summary: 'Read my helper profile', operationId: 'getHelperProfile', security: signedIn, params: TerritoryParam, response: { 200: S.HelperProfileAnswer, ...problemResponses } },
    handler: async (req) => ({ profile: await getHelperProfile(deps, req.scope) }),
  });

  app.put(`${base}/helper-profile`, {
    schema: {
      tags,
      summary: 'Save my helper profile',
      operationId: 'saveHelperProfile',
      security: signedIn,
      description: 'Skills, availability and radius (0.1 ≤ radiusKm ≤ 50); the home point is turned into its H3 cell (resolution 8) and never stored.',
      params: TerritoryParam,
      body: Type.Object(
        {
          skills: Type.Array(Kind, { minItems: 1, maxItems: 8, uniqueItems: true }),
          weekdays: Weekdays,
          times: Times,
          radiusKm: Type.Number({ minimum: MIN_RADIUS_KM, maximum: MAX_RADIUS_KM }),
          home: Point,
        },
        { additionalProperties: false },
      ),
      response: { 200: S.SavedHelperProfile, ...problemResponses },
    },
    handler: async (req) => ({ profile: await saveHelperProfile(deps, req.scope, req.body) }),
  });

  app.delete(`${base}/helper-profile`, {
    schema: { tags, summary: 'Delete my helper profile', operationId: 'deleteHelperProfile', security: signedIn, params: TerritoryParam, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await deleteHelperProfile(deps, req.scope);
      return reply.status(204).send();
    },
  });

  app.get(`${base}/offers`, {
    schema: {
      tags,
      summary: 'Search standing offers of help',
      operationId: 'listStandingOffers',
      security: signedIn,
      description: 'Standing offers of help, searchable by kind, commune and words; hidden and withdrawn offers are left out.',
      params: TerritoryParam,
      querystring: Type.Object(
        {
          kind: Type.Optional(Kind),
          commune: Type.Optional(Type.String({ pattern: '^[0-9AB]{5}$' })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          mine: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      response: { 200: S.OfferList, ...problemResponses },
    },
    handler: async (req) => ({ items: await listOffers(deps, req.scope, req.query) }),
  });

  app.post(`${base}/offers`, {
    schema: {
      tags,
      summary: 'Publish a standing offer of help',
      operationId: 'publishStandingOffer',
      security: signedIn,
      description: 'Publish a standing offer ("I shop on Tuesdays, I can take a list"); the place is kept as an H3 cell and commune.',
      params: TerritoryParam,
      body: Type.Object({ kind: Kind, text: Type.String({ minLength: 1, maxLength: 500 }), weekdays: Weekdays, times: Times, place: Point }, { additionalProperties: false }),
      response: { 201: S.PublishedOffer, ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await publishOffer(deps, req.scope, req.body)),
  });

  app.delete(`${base}/offers/:id`, {
    schema: { tags, summary: 'Withdraw a standing offer', operationId: 'closeStandingOffer', security: signedIn, description: 'Its author withdraws a standing offer.', params: Params, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await closeOffer(deps, req.scope, { id: req.params.id });
      return reply.status(204).send();
    },
  });

  app.get(`${base}/impact`, {
    schema: {
      tags,
      summary: 'Read the collective value of mutual aid',
      operationId: 'getHelpImpact',
      security: optionalSession,
      description: 'Collective value of mutual aid per week: done requests, hours of help (reported or estimated per kind, apart), people helped, helpers — for the territory or one community.',
      params: TerritoryParam,
      querystring: Type.Object({ weeks: Weeks, community: Type.Optional(IdParam) }, { additionalProperties: false }),
      response: { 200: S.HelpImpact, ...problemResponses },
    },
    handler: async (req) => getHelpImpact(deps, req.scope, { weeks: req.query.weeks, communityId: req.query.community }),
  });

  app.get(`${base}/impact/me`, {
    schema: {
      tags,
      summary: 'Read the help I gave',
      operationId: 'getMyHelpImpact',
      security: signedIn,
      description: 'The help I gave per week, and how many others helped this week in the territory and my communities.',
      params: TerritoryParam,
      querystring: Type.Object({ weeks: Weeks }, { additionalProperties: false }),
      response: { 200: S.HelpImpact, ...problemResponses },
    },
    handler: async (req) => getMyHelpImpact(deps, req.scope, { weeks: req.query.weeks }),
  });
};
