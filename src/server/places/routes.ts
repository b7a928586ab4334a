/** @module HTTP routes: places people recognise — address and place search, a point's place, meeting points and their GTFS import. */
import type { RouteModule } from '../core/http/build-app.ts';
import { TerritoryParam } from '../core/http/schemas.ts';
import { importStops } from './import-stops.ts';
import { createMeetingPoint, updateMeetingPoint } from './manage-meeting-points.ts';
import { getMeetingPoint, listMeetingPoints, listNearestMeetingPoints } from './meeting-points.ts';
import { reversePlace, searchPlaces } from './search-places.ts';
import * as S from './schemas.ts';

const tags = ['places'];
const base = '/api/territories/:territory/places';
/** Anyone reads; a session adds what operators may see. */
const open: Record<string, string[]>[] = [{}, { session: [] }];
const anyone: { session: string[] }[] = [];
const security = [{ session: [] }];
const problems = S.placesProblems;

/** The import route takes a whole stops.txt: more than the 64 KiB every other body may hold. */
const IMPORT_BODY_LIMIT = 2 * S.MAX_STOPS_FILE + 64 * 1024;

export const placeRoutes: RouteModule = (app, deps) => {
  app.get(`${base}/search`, {
    schema: {
      tags,
      summary: 'Search places by name or address',
      operationId: 'searchPlaces',
      security: anyone,
      description:
        'Places matching typed text, best first: with the address API (GEOCODER_URL, the Base Adresse Nationale) the territory’s meeting points, then addresses inside the territory; offline, its communes and meeting points. `lat` and `lon` (together) favour places around a point. Use an answer to pick an H3 cell and a public point: an address is never stored. The text is neither stored nor logged.',
      params: TerritoryParam,
      querystring: S.SearchQuery,
      response: { 200: S.SearchAnswer, ...S.geocoderProblems },
    },
    handler: async (req) => searchPlaces(deps, req.scope, req.query),
  });

  app.get(`${base}/reverse`, {
    schema: {
      tags,
      summary: 'Name the place at a point of the map',
      operationId: 'reversePlace',
      security: anyone,
      description:
        'The place at a point clicked on the map: the nearest address when the address API is configured and it lies in the same commune, else the commune the point is in (or within 1 km of). The point is kept where it was clicked. Outside the territory: 400 `outside_territory`.',
      params: TerritoryParam,
      querystring: S.PointQuery,
      response: { 200: S.ReverseAnswer, ...S.geocoderProblems },
    },
    handler: async (req) => reversePlace(deps, req.scope, req.query),
  });

  app.get(`${base}/meeting-points`, {
    schema: {
      tags,
      summary: 'List the territory’s meeting points',
      operationId: 'listMeetingPoints',
      security: open,
      description: 'The active meeting points (park-and-ride, stops, car parks, stations…) by name; `includeInactive=true` adds the deactivated ones, for operators and admins.',
      params: TerritoryParam,
      querystring: S.ListQuery,
      response: { 200: S.MeetingPointList, ...problems },
    },
    handler: async (req) => listMeetingPoints(deps, req.scope, req.query),
  });

  app.get(`${base}/meeting-points/nearest`, {
    schema: {
      tags,
      summary: 'List the meeting points nearest to a point',
      operationId: 'listNearestMeetingPoints',
      security: anyone,
      description: 'The `limit` active meeting points nearest to a point, nearest first, with their straight-line distance rounded to 10 m.',
      params: TerritoryParam,
      querystring: S.NearestQuery,
      response: { 200: S.NearestAnswer, ...problems },
    },
    handler: async (req) => listNearestMeetingPoints(deps, req.scope, req.query),
  });

  app.get(`${base}/meeting-points/:id`, {
    schema: {
      tags,
      summary: 'Read a meeting point',
      operationId: 'getMeetingPoint',
      security: anyone,
      description: 'One meeting point, active or deactivated (a profile may still name one an operator has since deactivated).',
      params: S.MeetingPointParams,
      response: { 200: S.MeetingPoint, ...problems },
    },
    handler: async (req) => getMeetingPoint(deps, req.scope, { id: req.params.id }),
  });

  app.post(`${base}/meeting-points`, {
    schema: {
      tags,
      summary: 'Add a meeting point (operators, audited)',
      operationId: 'createMeetingPoint',
      security,
      description: 'Operators and admins add a named public place. It must lie in one of the territory’s communes (400 `outside_territory`). Audited.',
      params: TerritoryParam,
      body: S.MeetingPointBody,
      response: { 201: S.MeetingPoint, ...problems },
    },
    handler: async (req, reply) => reply.status(201).send(await createMeetingPoint(deps, req.scope, req.body)),
  });

  app.patch(`${base}/meeting-points/:id`, {
    schema: {
      tags,
      summary: 'Edit, deactivate or reactivate a meeting point (operators, audited)',
      operationId: 'updateMeetingPoint',
      security,
      description: 'Operators and admins change a meeting point’s name, kind, place or notes, or set `active` to false to stop offering it (true offers it again). Audited with the fields that changed.',
      params: S.MeetingPointParams,
      body: S.MeetingPointPatch,
      response: { 200: S.MeetingPoint, ...problems },
    },
    handler: async (req) => updateMeetingPoint(deps, req.scope, { ...req.body, id: req.params.id }),
  });

  app.post(`${base}/meeting-points/import`, {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import meeting points from a GTFS stops.txt (operators, audited)',
      operationId: 'importMeetingPoints',
      security,
      description: `Operators and admins send the text of a GTFS \`stops.txt\` (up to ${S.MAX_STOPS_FILE.toLocaleString('en')} characters, this route's body up to ${Math.round(IMPORT_BODY_LIMIT / 1024)} KiB). Stops and stations inside the territory are imported (stations as \`station\`, the others as \`kind\`); a stop_id imported before is updated. The report counts imported, updated and unchanged stops and names every rejected row with its line and reason. A malformed file (no header, a missing column, a broken quote, a row of the wrong width) is a 400 \`malformed_file\` naming the line, and nothing is written. Audited.`,
      params: TerritoryParam,
      body: S.ImportBody,
      response: { 200: S.ImportReport, ...problems },
    },
    handler: async (req) => importStops(deps, req.scope, req.body),
  });
};
