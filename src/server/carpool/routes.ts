/** @module HTTP routes of carpooling: trips, explained matches, the ride lifecycle, messages, fraud review. */
import type { RouteModule } from '../core/http/build-app.ts';
import { eventStreamResponse, NoContent, problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import { confirmMatch } from './confirm-match.ts';
import { createTrip } from './create-trip.ts';
import { findMatches } from './find-matches.ts';
import { getRide, listMyMatches } from './list-matches.ts';
import { closeTrip, listMyTrips } from './list-trips.ts';
import { listMessages, sendMessage } from './messages.ts';
import { proposeMatch } from './propose-match.ts';
import { acceptMatch, cancelMatch, declineMatch } from './respond-match.ts';
import { listPendingReviews, reviewMatch } from './review-match.ts';
import * as S from './schemas.ts';
import { getCarpoolSettings, updateCarpoolSettings } from './settings.ts';
import { streamRide } from './stream-ride.ts';

const tags = ['carpool'];
const security = [{ session: [] }];
const problems = problemResponsesFor(S.CARPOOL_REASONS);
const t = '/api/territories/:territory/carpool';

export const carpoolRoutes: RouteModule = (app, deps) => {

  app.post(`${t}/trips`, {
    schema: { tags, summary: 'Offer a ride (driver) or ask for one (passenger)', operationId: 'createCarpoolTrip', security, params: TerritoryParam, body: S.TripBody, response: { 201: S.Created, ...problems } },
    handler: async (req, reply) => reply.status(201).send(await createTrip(deps, req.scope, { trip: req.body })),
  });

  app.get(`${t}/trips/mine`, {
    schema: { tags, summary: 'List my trips, open ones first', operationId: 'listMyCarpoolTrips', security, params: TerritoryParam, response: { 200: S.Items(S.TripSchema, 'my trips'), ...problems } },
    handler: async (req) => ({ items: await listMyTrips(deps, req.scope) }),
  });

  app.post(`${t}/trips/:id/close`, {
    schema: { tags, summary: 'Close one of my trips', operationId: 'closeCarpoolTrip', security, params: S.TripParams, response: { 204: NoContent, ...problems } },
    handler: async (req, reply) => {
      await closeTrip(deps, req.scope, { tripId: req.params.id });
      return reply.status(204).send();
    },
  });

  app.get(`${t}/trips/:id/matches`, {
    schema: { tags, summary: 'Find the ranked, explained matches of one of my trips', operationId: 'findCarpoolMatches', security, params: S.TripParams, querystring: S.MatchesQuery, response: { 200: S.Items(S.ProposedMatchSchema, 'the matches, best first'), ...problems } },
    handler: async (req) => ({ items: await findMatches(deps, req.scope, { tripId: req.params.id, limit: req.query.limit }) }),
  });

  app.post(`${t}/trips/:id/matches`, {
    schema: { tags, summary: 'Propose a ride to a matched trip on a date', operationId: 'proposeCarpoolMatch', security, params: S.TripParams, body: S.ProposeBody, response: { 201: S.Created, ...problems } },
    handler: async (req, reply) => reply.status(201).send(await proposeMatch(deps, req.scope, { tripId: req.params.id, otherTripId: req.body.tripId, date: req.body.date })),
  });

  app.get(`${t}/matches/mine`, {
    schema: { tags, summary: 'List my rides', operationId: 'listMyCarpoolRides', security, params: TerritoryParam, response: { 200: S.Items(S.RideSchema, 'my rides'), ...problems } },
    handler: async (req) => ({ items: await listMyMatches(deps, req.scope) }),
  });

  app.get(`${t}/matches/:matchId`, {
    schema: { tags, summary: 'Read one of my rides', operationId: 'getCarpoolRide', security, params: S.MatchParams, response: { 200: S.RideAnswer, ...problems } },
    handler: async (req) => getRide(deps, req.scope, { matchId: req.params.matchId }),
  });

  // Server-sent events: the ride's page follows its changes (acceptance, messages, cancellation, confirmations).
  app.get(`${t}/matches/:matchId/stream`, {
    schema: {
      tags,
      summary: 'Follow one of my rides live (server-sent events)',
      operationId: 'streamCarpoolRide',
      security,
      params: S.MatchParams,
      description: 'text/event-stream of "ride" events, each time the ride changes; a "closed" event ends it when the viewer may no longer follow the ride',
      response: { 200: eventStreamResponse('`event: ride` when the ride changes, `event: closed` when the viewer may no longer follow it'), ...problems },
    },
    handler: async (req, reply) => streamRide(deps, req, reply, { matchId: req.params.matchId }),
  });

  app.post(`${t}/matches/:matchId/decline`, {
    schema: { tags, summary: 'Decline a ride proposed to me, optionally saying why', operationId: 'declineCarpoolRide', security, params: S.MatchParams, body: S.DeclineBody, response: { 204: NoContent, ...problems } },
    handler: async (req, reply) => {
      await declineMatch(deps, req.scope, { matchId: req.params.matchId, reason: req.body.reason });
      return reply.status(204).send();
    },
  });

  app.post(`${t}/matches/:matchId/accept`, {
    schema: { tags, summary: 'Accept a proposed ride', operationId: 'acceptCarpoolRide', security, params: S.MatchParams, response: { 200: S.Accepted, ...problems } },
    handler: async (req) => acceptMatch(deps, req.scope, { matchId: req.params.matchId }),
  });

  app.post(`${t}/matches/:matchId/cancel`, {
    schema: { tags, summary: 'Cancel a ride, saying why', operationId: 'cancelCarpoolRide', security, params: S.MatchParams, body: S.CancelBody, response: { 204: NoContent, ...problems } },
    handler: async (req, reply) => {
      await cancelMatch(deps, req.scope, { matchId: req.params.matchId, reason: req.body.reason });
      return reply.status(204).send();
    },
  });

  app.post(`${t}/matches/:matchId/confirm`, {
    schema: { tags, summary: 'Confirm a ride happened (proof class B, then C)', operationId: 'confirmCarpoolRide', security, params: S.MatchParams, response: { 200: S.ConfirmedSchema, ...problems } },
    handler: async (req) => confirmMatch(deps, req.scope, { matchId: req.params.matchId }),
  });

  app.get(`${t}/matches/:matchId/messages`, {
    schema: { tags, summary: 'Read the messages of one of my rides', operationId: 'listCarpoolMessages', security, params: S.MatchParams, response: { 200: S.Items(S.MessageSchema, 'the messages, oldest first'), ...problems } },
    handler: async (req) => ({ items: await listMessages(deps, req.scope, { matchId: req.params.matchId }) }),
  });

  app.post(`${t}/matches/:matchId/messages`, {
    schema: { tags, summary: 'Send a message to the other person of a ride', operationId: 'sendCarpoolMessage', security, params: S.MatchParams, body: S.MessageBody, response: { 201: S.Created, ...problems } },
    handler: async (req, reply) => reply.status(201).send(await sendMessage(deps, req.scope, { matchId: req.params.matchId, body: req.body.body })),
  });

  app.get(`${t}/settings`, {
    schema: {
      tags,
      summary: 'Read the territory’s matching rules',
      operationId: 'getCarpoolSettings',
      security: [],
      params: TerritoryParam,
      description: 'The matching rules of the territory and where they come from.',
      response: { 200: S.SettingsSchema, ...problems },
    },
    handler: async (req) => getCarpoolSettings(deps, req.scope),
  });

  app.put(`${t}/settings`, {
    schema: { tags, summary: 'Change the territory’s matching rules (operators), with a reason', operationId: 'updateCarpoolSettings', security, params: TerritoryParam, body: S.SettingsBody, response: { 200: S.SettingsSchema, ...problems } },
    handler: async (req) => {
      const { reason, ...settings } = req.body;
      return updateCarpoolSettings(deps, req.scope, { settings, reason });
    },
  });

  app.get(`${t}/reviews`, {
    schema: { tags, summary: 'List the rides held by the fraud rules (operators)', operationId: 'listCarpoolReviews', security, params: TerritoryParam, response: { 200: S.Items(S.PendingReviewSchema, 'the rides waiting for review'), ...problems } },
    handler: async (req) => ({ items: await listPendingReviews(deps, req.scope) }),
  });

  app.post(`${t}/matches/:matchId/review`, {
    schema: { tags, summary: 'Clear or reject a held ride (operators), with a reason', operationId: 'reviewCarpoolRide', security, params: S.MatchParams, body: S.ReviewBody, response: { 204: NoContent, ...problems } },
    handler: async (req, reply) => {
      await reviewMatch(deps, req.scope, { matchId: req.params.matchId, decision: req.body.decision, reason: req.body.reason });
      return reply.status(204).send();
    },
  });
};
