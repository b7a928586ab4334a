/** @module HTTP routes of carpooling: trips, explained matches, the ride lifecycle, messages, fraud review. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, NoContent, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { HHMM_PATTERN } from '../core/time-of-day.ts';
import { confirmMatch } from './confirm-match.ts';
import { createTrip } from './create-trip.ts';
import { findMatches } from './find-matches.ts';
import { listMyMatches } from './list-matches.ts';
import { closeTrip, listMyTrips } from './list-trips.ts';
import { listMessages, sendMessage } from './messages.ts';
import { proposeMatch } from './propose-match.ts';
import { acceptMatch, cancelMatch } from './respond-match.ts';
import { listPendingReviews, reviewMatch } from './review-match.ts';
import { getCarpoolSettings, updateCarpoolSettings } from './settings.ts';
import { CarpoolIndexes } from './trip-store.ts';

const tags = ['carpool'];
const t = '/api/territories/:territory/carpool';
const territory = TerritoryParam.properties.territory;
const TripParams = Type.Object({ territory, id: IdParam });
const MatchParams = Type.Object({ territory, matchId: IdParam });
const Place = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    meetingPoint: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  { additionalProperties: false },
);
const Window = Type.Object({ start: Type.String({ pattern: HHMM_PATTERN }), end: Type.String({ pattern: HHMM_PATTERN }) }, { additionalProperties: false });

export const carpoolRoutes: RouteModule = (app, deps) => {
    const { db } = deps;
    // This process's match indexes, built lazily per territory and kept in step through the event bus.
    const all = { ...deps, indexes: new CarpoolIndexes(db, deps.bus) };

    app.post(`${t}/trips`, {
      schema: {
        tags,
        params: TerritoryParam,
        body: Type.Object(
          {
            role: StringEnum(['driver', 'passenger'] as const),
            origin: Place,
            destination: Place,
            date: Type.Optional(Type.String({ format: 'date' })),
            weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true })),
            window: Window,
            seats: Type.Integer({ minimum: 1, maximum: 8 }),
            maxDetourShare: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
      handler: async (req, reply) => reply.status(201).send(await createTrip(all, { slug: req.params.territory, viewer: req.viewer, trip: req.body })),
    });

    app.get(`${t}/trips/mine`, {
      schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...problemResponses } },
      handler: async (req) => ({ items: await listMyTrips(db, req.params.territory, req.viewer) }),
    });

    app.post(`${t}/trips/:id/close`, {
      schema: { tags, params: TripParams, response: { 204: NoContent, ...problemResponses } },
      handler: async (req, reply) => {
        await closeTrip(all, { slug: req.params.territory, viewer: req.viewer, tripId: req.params.id });
        return reply.status(204).send();
      },
    });

    app.get(`${t}/trips/:id/matches`, {
      schema: { tags, params: TripParams, querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...problemResponses } },
      handler: async (req) => ({ items: await findMatches(all, { slug: req.params.territory, viewer: req.viewer, tripId: req.params.id, limit: req.query.limit }) }),
    });

    app.post(`${t}/trips/:id/matches`, {
      schema: {
        tags,
        params: TripParams,
        body: Type.Object({ tripId: IdParam, date: Type.String({ format: 'date' }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await proposeMatch(all, { slug: req.params.territory, viewer: req.viewer, tripId: req.params.id, otherTripId: req.body.tripId, date: req.body.date })),
    });

    app.get(`${t}/matches/mine`, {
      schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...problemResponses } },
      handler: async (req) => ({ items: await listMyMatches(db, req.params.territory, req.viewer) }),
    });

    app.post(`${t}/matches/:matchId/accept`, {
      schema: { tags, params: MatchParams, response: { 200: Type.Object({ status: Type.String() }), ...problemResponses } },
      handler: async (req) => acceptMatch(all, { slug: req.params.territory, viewer: req.viewer, matchId: req.params.matchId }),
    });

    app.post(`${t}/matches/:matchId/cancel`, {
      schema: { tags, params: MatchParams, body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 300 }) }, { additionalProperties: false }), response: { 204: NoContent, ...problemResponses } },
      handler: async (req, reply) => {
        await cancelMatch(db, { slug: req.params.territory, viewer: req.viewer, matchId: req.params.matchId, reason: req.body.reason });
        return reply.status(204).send();
      },
    });

    app.post(`${t}/matches/:matchId/confirm`, {
      schema: { tags, params: MatchParams, response: { 200: Type.Unknown(), ...problemResponses } },
      handler: async (req) => confirmMatch(all, { slug: req.params.territory, viewer: req.viewer, matchId: req.params.matchId }),
    });

    app.get(`${t}/matches/:matchId/messages`, {
      schema: { tags, params: MatchParams, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...problemResponses } },
      handler: async (req) => ({ items: await listMessages(db, { slug: req.params.territory, viewer: req.viewer, matchId: req.params.matchId }) }),
    });

    app.post(`${t}/matches/:matchId/messages`, {
      schema: { tags, params: MatchParams, body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }), response: { 201: Type.Object({ id: Type.String() }), ...problemResponses } },
      handler: async (req, reply) => reply.status(201).send(await sendMessage(db, { slug: req.params.territory, viewer: req.viewer, matchId: req.params.matchId, body: req.body.body })),
    });

    const Settings = Type.Object(
      {
        timeToleranceMin: Type.Integer({ minimum: 0, maximum: 120 }),
        maxDetourShare: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
        minSharedShare: Type.Number({ minimum: 0, maximum: 1 }),
        roadFactor: Type.Number({ minimum: 1, maximum: 3 }),
      },
      { additionalProperties: false },
    );
    const SettingsView = Type.Object({ ...Settings.properties, source: StringEnum(['default', 'territory'] as const) });

    app.get(`${t}/settings`, {
      schema: { tags, params: TerritoryParam, description: 'The matching rules of the territory and where they come from.', response: { 200: SettingsView, ...problemResponses } },
      handler: async (req) => getCarpoolSettings(db, req.params.territory),
    });

    app.put(`${t}/settings`, {
      schema: {
        tags,
        params: TerritoryParam,
        body: Type.Object({ ...Settings.properties, reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: SettingsView, ...problemResponses },
      },
      handler: async (req) => {
        const { reason, ...settings } = req.body;
        return updateCarpoolSettings(all, { slug: req.params.territory, viewer: req.viewer, settings, reason, requestId: req.id });
      },
    });

    app.get(`${t}/reviews`, {
      schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...problemResponses } },
      handler: async (req) => ({ items: await listPendingReviews(db, req.params.territory, req.viewer) }),
    });

    app.post(`${t}/matches/:matchId/review`, {
      schema: {
        tags,
        params: MatchParams,
        body: Type.Object({ decision: StringEnum(['cleared', 'rejected'] as const), reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 204: NoContent, ...problemResponses },
      },
      handler: async (req, reply) => {
        await reviewMatch(db, { slug: req.params.territory, viewer: req.viewer, matchId: req.params.matchId, decision: req.body.decision, reason: req.body.reason, requestId: req.id });
        return reply.status(204).send();
      },
    });
};
