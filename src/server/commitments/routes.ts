/** @module HTTP routes of conditional commitments: launch, list, mine, read with progress, sign (self, for a resident, offline), "did you do it?". */
import type { RouteModule } from '../core/http/build-app.ts';
import { problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import { createCommitment } from './create-commitment.ts';
import { editWording } from './edit-wording.ts';
import { recordCheck } from './check-commitment.ts';
import { offlineSignatureRoutes } from './offline-routes.ts';
import {
  CheckAnswer,
  CheckBody,
  COMMITMENT_REASONS,
  CommitmentListSchema,
  CommitmentParams,
  CommitmentSchema,
  CreateCommitmentBody,
  Created,
  EditWordingBody,
  QrSvg,
  SignAnswer,
  SignBody,
  SignForBody,
  WordingAnswer,
} from './schemas.ts';
import { commitmentQr } from './share-commitment.ts';
import { signCommitment } from './sign-commitment.ts';
import { signForResident } from './sign-for-resident.ts';
import { listCommitments, listMyCommitments, viewCommitment } from './view-commitment.ts';
import { presentCommitment, presentCommitments } from './present-commitment.ts';
import { localDate } from '../core/time-of-day.ts';

const tags = ['commitments'];
const base = '/api/territories/:territory/commitments';
const problems = problemResponsesFor(COMMITMENT_REASONS);
const signedIn: Record<string, string[]>[] = [{ session: [] }];
const anyone: Record<string, string[]>[] = [{}, { session: [] }];

export const commitmentRoutes: RouteModule = (app, deps) => {
  app.post(base, {
    schema: {
      summary: 'Launch a conditional commitment',
      operationId: 'createCommitment',
      tags,
      security: signedIn,
      params: TerritoryParam,
      body: CreateCommitmentBody,
      response: { 201: Created, ...problems },
    },
    handler: async (req, reply) => reply.status(201).send(await createCommitment(deps, req.scope, req.body)),
  });

  app.get(base, {
    schema: {
      summary: 'List the territory’s commitments',
      description: 'The commitments the viewer may see (a private community’s only to its members), newest deadline first.',
      operationId: 'listCommitments',
      tags,
      security: anyone,
      params: TerritoryParam,
      response: { 200: CommitmentListSchema, ...problems },
    },
    handler: async (req) => presentCommitments(await listCommitments(deps, req.scope), req.scope.territory.slug, localDate(deps.clock.now())),
  });

  app.get(`${base}/:id`, {
    schema: {
      summary: 'Read a commitment with its progress',
      operationId: 'getCommitment',
      tags,
      security: anyone,
      params: CommitmentParams,
      response: { 200: CommitmentSchema, ...problems },
    },
    handler: async (req) => presentCommitment(await viewCommitment(deps, req.scope, { id: req.params.id }), req.scope.territory.slug, localDate(deps.clock.now())),
  });

  app.get(`${base}/:id/qr.svg`, {
    schema: {
      summary: 'The QR code of a commitment’s page',
      description:
        'An SVG QR code of the absolute address of the commitment’s page (PUBLIC_URL), to print or show; its `<title>` names the address. Whoever may read the commitment may read it (a private community’s is a 404 outside it); a territory-wide one may be kept by shared caches for a day.',
      operationId: 'getCommitmentQrCode',
      tags,
      security: anyone,
      params: CommitmentParams,
      response: { 200: { description: 'the QR code', content: { 'image/svg+xml': { schema: QrSvg } } }, ...problems },
    },
    handler: async (req, reply) => {
      const qr = await commitmentQr(deps, req.scope, { id: req.params.id });
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', qr.public ? 'public, max-age=86400' : 'private, max-age=3600')
        .send(qr.svg);
    },
  });

  app.patch(`${base}/:id`, {
    schema: {
      summary: 'Change a commitment’s wording',
      description: 'Its creator only (403 `not_creator`), until someone signs (409 `wording_frozen`).',
      operationId: 'editCommitmentWording',
      tags,
      security: signedIn,
      params: CommitmentParams,
      body: EditWordingBody,
      response: { 200: WordingAnswer, ...problems },
    },
    handler: async (req) => editWording(deps, req.scope, { id: req.params.id, wording: req.body.wording }),
  });

  app.post(`${base}/:id/sign`, {
    schema: {
      summary: 'Sign a commitment',
      description: 'Once per person, until the signing deadline (409 `not_open`, `already_signed`, `deadline_passed`, `failed`).',
      operationId: 'signCommitment',
      tags,
      security: signedIn,
      params: CommitmentParams,
      body: SignBody,
      response: { 200: SignAnswer, ...problems },
    },
    handler: async (req) => signCommitment(deps, req.scope, { id: req.params.id, publicName: req.body.publicName ?? false, commune: req.body.commune }),
  });

  app.post(`${base}/:id/sign-for`, {
    schema: {
      summary: 'Sign a commitment for an assisted resident',
      description:
        'A mediator signs for an assisted resident: only inside an open mediation session for that person (header `x-maille-acting-for`), with their consent active (403 `session_required`, `session_expired` or `no_consent` otherwise). The consent reference stored is the one recorded with the account. Audited.',
      operationId: 'signCommitmentForResident',
      tags,
      security: signedIn,
      params: CommitmentParams,
      body: SignForBody,
      response: { 200: SignAnswer, ...problems },
    },
    handler: async (req) =>
      signForResident(deps, req.scope, { id: req.params.id, userId: req.body.userId, publicName: req.body.publicName ?? false, commune: req.body.commune }),
  });

  app.post(`${base}/:id/check`, {
    schema: {
      summary: 'Answer “did you do it?”',
      description: '"Did you do it?": a signer (403 `not_signer`) answers once the commitment is completed (409 `not_completed`); the last answer wins.',
      operationId: 'answerCommitmentCheck',
      tags,
      security: signedIn,
      params: CommitmentParams,
      body: CheckBody,
      response: { 200: CheckAnswer, ...problems },
    },
    handler: async (req) => recordCheck(deps, req.scope, { id: req.params.id, kept: req.body.kept }),
  });

  app.get('/api/territories/:territory/me/commitments', {
    schema: {
      summary: 'List my commitments',
      description: 'Those the viewer launched or signed in this territory, newest deadline first.',
      operationId: 'listMyCommitments',
      tags,
      security: signedIn,
      params: TerritoryParam,
      response: { 200: CommitmentListSchema, ...problems },
    },
    handler: async (req) => presentCommitments(await listMyCommitments(deps, req.scope), req.scope.territory.slug, localDate(deps.clock.now())),
  });
  void offlineSignatureRoutes(app, deps);
};
