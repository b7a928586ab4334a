/** @module HTTP routes of conditional commitments: launch, list, mine, read with progress, sign (self, for a resident, offline), "did you do it?". */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { createCommitment } from './create-commitment.ts';
import { editWording } from './edit-wording.ts';
import { ACTION_KINDS } from './model.ts';
import { recordCheck } from './check-commitment.ts';
import { offlineSignatureRoutes } from './offline-routes.ts';
import { signCommitment } from './sign-commitment.ts';
import { signForResident } from './sign-for-resident.ts';
import { listCommitments, listMyCommitments, viewCommitment } from './view-commitment.ts';
import { presentCommitment, presentCommitments } from './present-commitment.ts';
import { localDate } from '../core/time-of-day.ts';

const tags = ['commitments'];
const Commune = Type.String({ pattern: '^[0-9AB]{5}$' });
const SignAnswer = Type.Object({ status: Type.String(), notify: Type.Array(Type.String()) });
const base = '/api/territories/:territory/commitments';
const Params = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const TargetSchema = Type.Union([
  Type.Object({ kind: Type.Literal('count'), count: Type.Integer({ minimum: -1_000_000, maximum: 10_000_000 }), base: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('share'), share: Type.Number({ minimum: -1, maximum: 2 }), base: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }, { additionalProperties: false }),
]);
const ScopeSchema = Type.Union([
  Type.Object({ kind: Type.Literal('territory'), target: TargetSchema }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('community'), communityId: IdParam, target: TargetSchema }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('corridor'), corridorId: IdParam, target: TargetSchema }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('per_commune'), communes: Type.Array(Type.Object({ commune: Type.String({ pattern: '^[0-9AB]{5}$' }), target: TargetSchema }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }) },
    { additionalProperties: false },
  ),
]);

export const commitmentRoutes: RouteModule = (app, deps) => {
  app.post(base, {
    schema: {
      tags,
      params: TerritoryParam,
      body: Type.Object(
        {
          wording: Type.String({ minLength: 1, maxLength: 500 }),
          action: StringEnum(ACTION_KINDS),
          scope: ScopeSchema,
          signingDeadline: Type.String({ format: 'date-time' }),
          actionStart: Type.String({ format: 'date-time' }),
          actionEnd: Type.String({ format: 'date-time' }),
        },
        { additionalProperties: false },
      ),
      response: { 201: Type.Object({ id: Type.String() }), ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createCommitment(deps, { slug: req.params.territory, viewer: req.viewer, commitment: req.body })),
  });

  app.get(base, {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()), provenance: Type.Unknown() }), ...problemResponses } },
    handler: async (req) => presentCommitments(await listCommitments(deps, req.params.territory, req.viewer), req.params.territory, localDate(deps.clock.now())),
  });

  app.get(`${base}/:id`, {
    schema: { tags, params: Params, response: { 200: Type.Unknown(), ...problemResponses } },
    handler: async (req) => presentCommitment(await viewCommitment(deps, req.params.territory, req.params.id, req.viewer), req.params.territory, localDate(deps.clock.now())),
  });

  app.patch(`${base}/:id`, {
    schema: {
      tags,
      params: Params,
      body: Type.Object({ wording: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ id: Type.String(), wording: Type.String() }), ...problemResponses },
    },
    handler: async (req) => editWording(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, wording: req.body.wording, requestId: req.id }),
  });

  app.post(`${base}/:id/sign`, {
    schema: {
      tags,
      params: Params,
      body: Type.Object({ publicName: Type.Optional(Type.Boolean()), commune: Type.Optional(Commune) }, { additionalProperties: false }),
      response: { 200: SignAnswer, ...problemResponses },
    },
    handler: async (req) => signCommitment(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, publicName: req.body.publicName ?? false, commune: req.body.commune }),
  });

  app.post(`${base}/:id/sign-for`, {
    schema: {
      tags,
      description:
        'A mediator signs for an assisted resident: only inside an open mediation session for that person (header `x-maille-acting-for`), with their consent active (403 `session_required`, `session_expired` or `no_consent` otherwise). The consent reference stored is the one recorded with the account. Audited.',
      params: Params,
      body: Type.Object({ userId: IdParam, publicName: Type.Optional(Type.Boolean()), commune: Type.Optional(Commune) }, { additionalProperties: false }),
      response: { 200: SignAnswer, ...problemResponses },
    },
    handler: async (req) =>
      signForResident(deps, {
        slug: req.params.territory,
        viewer: req.viewer,
        id: req.params.id,
        userId: req.body.userId,
        publicName: req.body.publicName ?? false,
        commune: req.body.commune,
        requestId: req.id,
      }),
  });

  app.post(`${base}/:id/check`, {
    schema: {
      tags,
      description: '"Did you do it?": a signer answers once the commitment is completed; the last answer wins.',
      params: Params,
      body: Type.Object({ kept: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: Type.Object({ kept: Type.Boolean(), keptRate: Type.Unknown() }), ...problemResponses },
    },
    handler: async (req) => recordCheck(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, kept: req.body.kept }),
  });

  app.get('/api/territories/:territory/me/commitments', {
    schema: { tags, params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...problemResponses } },
    handler: async (req) => presentCommitments(await listMyCommitments(deps, req.params.territory, req.viewer), req.params.territory, localDate(deps.clock.now())),
  });
  void offlineSignatureRoutes(app, deps);
};
