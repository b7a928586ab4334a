/** @module HTTP routes of signatures collected on paper: entered by organisers or staff, confirmed or withdrawn by their person. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { DateTime, IdParam, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { confirmOfflineSignature, withdrawOfflineSignature } from './decide-offline-signature.ts';
import { enterOfflineSignature } from './enter-offline-signature.ts';
import { listMyOfflineEntries } from './offline-entries.ts';

const tags = ['commitments'];
const base = '/api/territories/:territory/commitments';
const Commune = Type.String({ pattern: '^[0-9AB]{5}$' });
const Params = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const SignAnswer = Type.Object({ status: Type.String(), notify: Type.Array(Type.String()) });
const EntryParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam, entryId: IdParam });
const OfflineAnswer = Type.Object({ id: Type.String(), state: StringEnum(['pending', 'confirmed'] as const), status: Type.String(), notify: Type.Array(Type.String()) });
const MyOfflineEntry = Type.Object({
  id: Type.String(),
  commitmentId: Type.String(),
  wording: Type.String(),
  state: StringEnum(['pending', 'confirmed'] as const),
  reference: Type.String(),
  enteredAt: DateTime,
  signingDeadline: DateTime,
});

export const offlineSignatureRoutes: RouteModule = (app, deps) => {
  app.post(`${base}/:id/offline-signatures`, {
    schema: {
      tags,
      description:
        'The organisers of the commitment’s community, or the territory’s mediators, operators and admins, enter a signature a resident gave on paper, with its reference (audited). It is `pending` and counts nowhere until the person confirms it; entered inside a mediator’s session for an assisted person with active consent, it is `confirmed` at once. The person is told either way. 403 `not_organiser`; 409 `already_signed`, `already_entered`.',
      params: Params,
      body: Type.Object({ userId: IdParam, reference: Type.String({ maxLength: 100 }), commune: Type.Optional(Commune) }, { additionalProperties: false }),
      response: { 201: OfflineAnswer, ...problemResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(
        await enterOfflineSignature(deps, {
          slug: req.params.territory,
          viewer: req.viewer,
          id: req.params.id,
          userId: req.body.userId,
          reference: req.body.reference,
          commune: req.body.commune,
          requestId: req.id,
        }),
      ),
  });

  app.post(`${base}/:id/offline-signatures/:entryId/confirm`, {
    schema: {
      tags,
      description: 'The person confirms a signature entered for them from paper: it now counts (they may show their name). Someone else’s entry is a 404; 409 `not_pending`. Audited.',
      params: EntryParams,
      body: Type.Object({ publicName: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: SignAnswer, ...problemResponses },
    },
    handler: async (req) =>
      confirmOfflineSignature(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, entryId: req.params.entryId, publicName: req.body.publicName ?? false, requestId: req.id }),
  });

  app.post(`${base}/:id/offline-signatures/:entryId/withdraw`, {
    schema: {
      tags,
      description: 'The person withdraws a signature entered for them from paper, pending or confirmed, until the signing deadline (409 `deadline_passed`, `already_withdrawn`). Audited.',
      params: EntryParams,
      response: { 200: Type.Object({ status: Type.String() }), ...problemResponses },
    },
    handler: async (req) => withdrawOfflineSignature(deps, { slug: req.params.territory, viewer: req.viewer, id: req.params.id, entryId: req.params.entryId, requestId: req.id }),
  });

  app.get('/api/territories/:territory/me/offline-signatures', {
    schema: {
      tags,
      description: 'Signatures entered for me from paper that I may still decide on: pending ones, and confirmed ones until the signing deadline.',
      params: TerritoryParam,
      response: { 200: Type.Object({ items: Type.Array(MyOfflineEntry) }), ...problemResponses },
    },
    handler: async (req) => ({ items: await listMyOfflineEntries(deps, req.params.territory, req.viewer) }),
  });
};
