/** @module HTTP routes of signatures collected on paper: entered by organisers or staff, confirmed or withdrawn by their person. */
import type { RouteModule } from '../core/http/build-app.ts';
import { problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import { confirmOfflineSignature, withdrawOfflineSignature } from './decide-offline-signature.ts';
import { enterOfflineSignature } from './enter-offline-signature.ts';
import { listMyOfflineEntries } from './offline-entries.ts';
import { COMMITMENT_REASONS, CommitmentParams, ConfirmOfflineBody, EntryParams, MyOfflineEntries, OfflineAnswer, OfflineEntryBody, SignAnswer, WithdrawAnswer } from './schemas.ts';

const tags = ['commitments'];
const base = '/api/territories/:territory/commitments';
const problems = problemResponsesFor(COMMITMENT_REASONS);
const security = [{ session: [] }];

export const offlineSignatureRoutes: RouteModule = (app, deps) => {
  app.post(`${base}/:id/offline-signatures`, {
    schema: {
      summary: 'Enter a signature collected on paper',
      description:
        'The organisers of the commitment’s community, or the territory’s mediators, operators and admins, enter a signature a resident gave on paper, with its reference (audited). It is `pending` and counts nowhere until the person confirms it; entered inside a mediator’s session for an assisted person with active consent, it is `confirmed` at once. The person is told either way. 403 `not_organiser`; 409 `already_signed`, `already_entered`.',
      operationId: 'enterOfflineSignature',
      tags,
      security,
      params: CommitmentParams,
      body: OfflineEntryBody,
      response: { 201: OfflineAnswer, ...problems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await enterOfflineSignature(deps, req.scope, { id: req.params.id, userId: req.body.userId, reference: req.body.reference, commune: req.body.commune })),
  });

  app.post(`${base}/:id/offline-signatures/:entryId/confirm`, {
    schema: {
      summary: 'Confirm a signature entered for me from paper',
      description: 'The person confirms a signature entered for them from paper: it now counts (they may show their name). Someone else’s entry is a 404; 409 `not_pending`. Audited.',
      operationId: 'confirmOfflineSignature',
      tags,
      security,
      params: EntryParams,
      body: ConfirmOfflineBody,
      response: { 200: SignAnswer, ...problems },
    },
    handler: async (req) =>
      confirmOfflineSignature(deps, req.scope, { id: req.params.id, entryId: req.params.entryId, publicName: req.body.publicName ?? false }),
  });

  app.post(`${base}/:id/offline-signatures/:entryId/withdraw`, {
    schema: {
      summary: 'Withdraw a signature entered for me from paper',
      description: 'The person withdraws a signature entered for them from paper, pending or confirmed, until the signing deadline (409 `deadline_passed`, `already_withdrawn`). Audited.',
      operationId: 'withdrawOfflineSignature',
      tags,
      security,
      params: EntryParams,
      response: { 200: WithdrawAnswer, ...problems },
    },
    handler: async (req) => withdrawOfflineSignature(deps, req.scope, { id: req.params.id, entryId: req.params.entryId }),
  });

  app.get('/api/territories/:territory/me/offline-signatures', {
    schema: {
      summary: 'List signatures entered for me from paper',
      description: 'Signatures entered for me from paper that I may still decide on: pending ones, and confirmed ones until the signing deadline.',
      operationId: 'listMyOfflineSignatures',
      tags,
      security,
      params: TerritoryParam,
      response: { 200: MyOfflineEntries, ...problems },
    },
    handler: async (req) => ({ items: await listMyOfflineEntries(deps, req.scope) }),
  });
};
