/** @module HTTP routes of the factors table: read a version with its edition, list versions, import an edition, publish an edit. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { FACTOR_KEYS } from './factors.ts';
import { importEdition } from './publish-factors.ts';
import { listFactorVersions, readFactors } from './read-factors.ts';
import { EditionInfoSchema as EditionInfo, FactorComponentsSchema, FactorsResponse, FactorVersionsResponse, WrittenFactors as Written } from './schemas.ts';

const tags = ['impact'];
const signedIn = [{ session: [] }];
const t = '/api/territories/:territory/impact/factors';
const Day = Type.String({ format: 'date' });
const Components = Type.Union([FactorComponentsSchema, Type.Null()]);
const FactorBody = Type.Object(
  {
    key: StringEnum(FACTOR_KEYS),
    value: Type.Number({ minimum: 0, maximum: 100 }),
    unit: Type.String({ minLength: 1, maxLength: 40 }),
    source: Type.String({ minLength: 3, maxLength: 500 }),
    sourceUrl: Type.Optional(Type.Union([Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' }), Type.Null()])),
    publishedOn: Day,
    components: Type.Optional(Components),
    significantDigits: Type.Optional(Type.Integer({ minimum: 1, maximum: 6 })),
    basis: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const Reason = Type.String({ minLength: 5, maxLength: 500 });

export const factorRoutes: RouteModule = (app, deps) => {

  app.get(t, {
    schema: {
      tags,
      summary: 'Read a factors version with its edition and every factor’s source, date and components',
      operationId: 'getImpactFactors',
      security: [],
      params: TerritoryParam,
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })) }, { additionalProperties: false }),
      description: 'The current factors version (or `?version=N`, the one a past figure names), its edition, every factor with source, date and components.',
      response: { 200: FactorsResponse, ...problemResponses },
    },
    handler: async (req) => readFactors(deps, req.scope, { version: req.query.version }),
  });

  app.get(`${t}/versions`, {
    schema: { tags, summary: 'List the factors versions, newest first', operationId: 'listImpactFactorVersions', security: [], params: TerritoryParam, response: { 200: FactorVersionsResponse, ...problemResponses } },
    handler: async (req) => listFactorVersions(deps, req.scope),
  });

  // Importing an edition file (data/impact-factors/*.json, or a territory's own) makes it the current version.
  app.post(`${t}/editions`, {
    schema: {
      tags,
      summary: 'Import a factor edition; it becomes the current version',
      operationId: 'importImpactFactorEdition',
      security: signedIn,
      params: TerritoryParam,
      body: Type.Object({ edition: Type.Object({ ...EditionInfo.properties, factors: Type.Array(FactorBody, { minItems: 1, maxItems: 40 }) }, { additionalProperties: false }), reason: Reason }, { additionalProperties: false }),
      response: { 201: Written, ...problemResponses },
    },
    handler: async (req, reply) => {
      const { factors, ...edition } = req.body.edition;
      return reply.status(201).send(await importEdition(deps, req.scope, { edition, factors, reason: req.body.reason }));
    },
  });

  app.put(t, {
    schema: {
      tags,
      summary: 'Publish edited factors as a new version',
      operationId: 'publishImpactFactors',
      security: signedIn,
      params: TerritoryParam,
      body: Type.Object({ factors: Type.Array(FactorBody, { minItems: 1, maxItems: 40 }), reason: Reason }, { additionalProperties: false }),
      response: { 200: Written, ...problemResponses },
    },
    handler: async (req) => importEdition(deps, req.scope, { edition: null, factors: req.body.factors, reason: req.body.reason }),
  });
};
