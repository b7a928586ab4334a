/** @module HTTP routes of the observatory's ingestion side: readings batches, the thing registry, feeders' keys, indicators. */
import type { RouteModule, TypedApp } from '../core/http/build-app.ts';
import { NoContent, TerritoryParam } from '../core/http/schemas.ts';
import { importIndicators, listIndicatorSources } from './import-indicators.ts';
import { createKey, listKeys, revokeKey } from './keys.ts';
import { createThing, getThing, listThings, updateThing } from './manage-things.ts';
import { bearerOf, receiveReadings, requireFeeder } from './receive-readings.ts';
import * as S from './schemas.ts';

const tags = ['observatory'];
const base = '/api/territories/:territory/observatory';
const staff = [{ session: [] }];
const feeders: Record<string, string[]>[] = [{ observatoryKey: [] }, { session: [] }];
const problems = S.observatoryProblems;
// 5,000 readings of ~200 bytes as JSON, or a CSV of them.
const READINGS_BODY_LIMIT = 2 * 1024 * 1024;
const INDICATORS_BODY_LIMIT = 2 * S.MAX_INDICATOR_FILE + 64 * 1024;

export const observatoryRoutes: RouteModule = async (app, deps) => {
  // CSV batches are read as text in this plugin only.
  await app.register(async (api: TypedApp) => {
    api.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: READINGS_BODY_LIMIT }, (_req, body, done) => done(null, body));
    api.post(`${base}/readings`, {
      bodyLimit: READINGS_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Send a batch of sensor readings (ingest key or operator)',
        operationId: 'ingestReadings',
        security: feeders,
        consumes: ['application/json', 'text/csv'],
        description: `A feeder sends up to ${S.MAX_BATCH} readings at once with \`Authorization: Bearer <ingest key>\` (or an operator in a session): a JSON array, or \`text/csv\` with the header \`entity_id,attribute,observed_at,value,unit_code\` (unit_code optional). Each reading is validated against its thing's type; the accepted ones are stored with their rollups in one transaction, the rejected ones listed with their row and field (and counted on the device's page). A reading already stored counts as a duplicate (retries are safe). When every reading is rejected, or the CSV is malformed, the answer is a 400 naming the first row and field.`,
        params: TerritoryParam,
        body: S.ReadingsBody,
        response: { 200: S.IngestAnswer, ...problems },
      },
      handler: async (req) => {
        await requireFeeder(deps, req.scope, bearerOf(req));
        return receiveReadings(deps, req.scope, req.body);
      },
    });
  });

  app.get(`${base}/things`, {
    schema: {
      tags,
      summary: 'List the observatory’s things with their health (operators)',
      operationId: 'listObservatoryThings',
      security: staff,
      description: 'Sensors, equipment and observed places of the territory, by type, each with its health: ok, silent (nothing for longer than its silence delay), faulty (it says so), unknown (never heard); `counts` per health.',
      params: TerritoryParam,
      querystring: S.ThingListQuery,
      response: { 200: S.ThingList, ...problems },
    },
    handler: async (req) => listThings(deps, req.scope, req.query),
  });

  app.get(`${base}/things/:id`, {
    schema: {
      tags,
      summary: 'Read one thing with its last readings and rejections (operators)',
      operationId: 'getObservatoryThing',
      security: staff,
      description: 'One thing, its current attributes, its 50 last readings and the readings refused for it, counted per reason.',
      params: S.ThingParams,
      response: { 200: S.ThingDetail, ...problems },
    },
    handler: async (req) => getThing(deps, req.scope, { id: req.params.id }),
  });

  app.post(`${base}/things`, {
    schema: {
      tags,
      summary: 'Add a thing to the registry (operators, audited)',
      operationId: 'createObservatoryThing',
      security: staff,
      description: 'Registers a sensor or piece of equipment: its entity id is `urn:ngsi-ld:<type>:<territory>:<localId>`, the id its readings name. Its place must lie in the territory (400). The same type and local id again: 409. Audited.',
      params: TerritoryParam,
      body: S.ThingBody,
      response: { 201: S.Thing, ...problems },
    },
    handler: async (req, reply) => reply.status(201).send(await createThing(deps, req.scope, req.body)),
  });

  app.patch(`${base}/things/:id`, {
    schema: {
      tags,
      summary: 'Edit a thing (operators, audited)',
      operationId: 'updateObservatoryThing',
      security: staff,
      description: 'Changes a thing’s name, owner service, place (lat and lon together) or silence delay. Audited with the fields that changed.',
      params: S.ThingParams,
      body: S.ThingPatch,
      response: { 200: S.Thing, ...problems },
    },
    handler: async (req) => updateThing(deps, req.scope, { ...req.body, id: req.params.id }),
  });

  app.get(`${base}/keys`, {
    schema: {
      tags,
      summary: 'List the feeders’ keys (operators)',
      operationId: 'listObservatoryKeys',
      security: staff,
      description: 'The territory’s observatory keys, newest first, with their scopes, last use and revocation; never their secrets.',
      params: TerritoryParam,
      response: { 200: S.KeyList, ...problems },
    },
    handler: async (req) => listKeys(deps, req.scope),
  });

  app.post(`${base}/keys`, {
    schema: {
      tags,
      summary: 'Create a feeder’s key (operators, audited)',
      operationId: 'createObservatoryKey',
      security: staff,
      description: 'A new key for a feeder (a gateway, a FIWARE broker, a device fleet) with the scopes `ingest`, `read` and/or `command`. The secret is in this answer only: Maille keeps its digest. Audited.',
      params: TerritoryParam,
      body: S.KeyBody,
      response: { 201: S.CreatedKey, ...problems },
    },
    handler: async (req, reply) => reply.status(201).send(await createKey(deps, req.scope, req.body)),
  });

  app.delete(`${base}/keys/:id`, {
    schema: {
      tags,
      summary: 'Revoke a feeder’s key (operators, audited)',
      operationId: 'revokeObservatoryKey',
      security: staff,
      description: 'The key is refused from its next use (HTTP, NGSI-LD, a new MQTT connection). Revoking it again changes nothing. Audited once.',
      params: S.KeyParams,
      response: { 204: NoContent, ...problems },
    },
    handler: async (req, reply) => {
      await revokeKey(deps, req.scope, { id: req.params.id });
      return reply.status(204).send();
    },
  });

  app.get(`${base}/indicators`, {
    schema: {
      tags,
      summary: 'List the imported indicator files (operators)',
      operationId: 'listIndicatorSources',
      security: staff,
      description: 'Files of indicators published by authorities, newest first, with their source, licence, indicators and days covered.',
      params: TerritoryParam,
      response: { 200: S.IndicatorSourceList, ...problems },
    },
    handler: async (req) => listIndicatorSources(deps, req.scope),
  });

  app.post(`${base}/indicators`, {
    bodyLimit: INDICATORS_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Import indicators from an authority’s CSV (operators, audited)',
      operationId: 'importIndicators',
      security: staff,
      description:
        'A CSV of values per commune and day (Santé publique France style) with its title, publisher, licence and URL. Columns: the commune’s INSEE code (`com`, `code_commune`, `codgeo`, `insee`, `code_insee` or `commune`), the day (`jour`, `date` or `day`: YYYY-MM-DD or DD/MM/YYYY), then `indicateur` + `valeur` (or `indicator` + `value`), or one column per indicator. `,` or `;` separated, decimal comma accepted. Rows of communes outside the territory, bad days or values are listed (line, column, reason) and skipped; a malformed file is a 400 and nothing is written. Audited.',
      params: TerritoryParam,
      body: S.IndicatorImportBody,
      response: { 200: S.IndicatorReport, ...problems },
    },
    handler: async (req) => importIndicators(deps, req.scope, req.body),
  });
};

