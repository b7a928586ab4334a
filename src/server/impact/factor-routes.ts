/** @module HTTP routes of the factors table: read a version with its edition, list versions, import an edition, publish an edit. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { DateTime, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { notFound } from '../core/errors.ts';
import { provenance } from '../core/figures.ts';
import { resolveTerritory } from '../territories/access.ts';
import { currentFactors, factorsVersion, listVersions } from './factor-store.ts';
import { FACTOR_KEYS } from './factors.ts';
import { factorSources, factorsHref } from './provenance.ts';
import { importEdition } from './publish-factors.ts';

const tags = ['impact'];
const t = '/api/territories/:territory/impact/factors';
const Day = Type.String({ format: 'date' });
const Components = Type.Union([Type.Object({ use: Type.Number({ minimum: 0, maximum: 100 }), construction: Type.Number({ minimum: 0, maximum: 100 }) }, { additionalProperties: false }), Type.Null()]);
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
const EditionInfo = Type.Object(
  {
    id: Type.String({ minLength: 3, maxLength: 80 }),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    date: Day,
    source: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
const Reason = Type.String({ minLength: 5, maxLength: 500 });
const Written = Type.Object({ version: Type.Integer(), edition: Type.String() });

export const factorRoutes: RouteModule = (app, deps) => {
  const { db, clock } = deps;

  app.get(t, {
    schema: {
      tags,
      params: TerritoryParam,
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })) }, { additionalProperties: false }),
      description: 'The current factors version (or `?version=N`, the one a past figure names), its edition, every factor with source, date and components.',
      response: { 200: Type.Object({ version: Type.Integer(), edition: EditionInfo, factors: Type.Array(FactorBody), provenance: Type.Unknown() }), ...problemResponses },
    },
    handler: async (req) => {
      const territory = await resolveTerritory(db, req.params.territory);
      const set = req.query.version === undefined ? await currentFactors(db, territory.id) : await factorsVersion(db, territory.id, req.query.version);
      if (!set) throw notFound('Factors version');
      return {
        version: set.version,
        edition: set.edition,
        factors: [...set.factors.values()],
        provenance: provenance({ method: ['Each factor as its source prints it (value = use + construction where the source splits it).'], sources: factorSources([set]), factors: [{ href: factorsHref(req.params.territory, set.version), version: set.version, edition: set.edition }] }),
      };
    },
  });

  app.get(`${t}/versions`, {
    schema: {
      tags,
      params: TerritoryParam,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ version: Type.Integer(), edition: EditionInfo, createdAt: DateTime, href: Type.String() })) }), ...problemResponses },
    },
    handler: async (req) => {
      const territory = await resolveTerritory(db, req.params.territory);
      const items = await listVersions(db, territory.id);
      return { items: items.map((v) => ({ ...v, href: factorsHref(req.params.territory, v.version) })) };
    },
  });

  // Importing an edition file (data/impact-factors/*.json, or a territory's own) makes it the current version.
  app.post(`${t}/editions`, {
    schema: {
      tags,
      params: TerritoryParam,
      body: Type.Object({ edition: Type.Object({ ...EditionInfo.properties, factors: Type.Array(FactorBody, { minItems: 1, maxItems: 40 }) }, { additionalProperties: false }), reason: Reason }, { additionalProperties: false }),
      response: { 201: Written, ...problemResponses },
    },
    handler: async (req, reply) => {
      const { factors, ...edition } = req.body.edition;
      const written = await importEdition(db, { slug: req.params.territory, viewer: req.viewer, edition, factors, reason: req.body.reason, requestId: req.id, now: clock.now() });
      return reply.status(201).send(written);
    },
  });

  app.put(t, {
    schema: {
      tags,
      params: TerritoryParam,
      body: Type.Object({ factors: Type.Array(FactorBody, { minItems: 1, maxItems: 40 }), reason: Reason }, { additionalProperties: false }),
      response: { 200: Written, ...problemResponses },
    },
    handler: async (req) => importEdition(db, { slug: req.params.territory, viewer: req.viewer, edition: null, factors: req.body.factors, reason: req.body.reason, requestId: req.id, now: clock.now() }),
  });
};
