/** @module HTTP routes: Mediators: assisted accounts with consent, time-boxed sessions on behalf, offline intake, takeover. */
import { Type } from 'typebox';
import { digest } from '../core/auth/tokens.ts';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, NoContent, problemResponsesFor, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { setSessionCookies } from '../core/http/viewer.ts';
import { getMe } from '../accounts/index.ts';
import { Email, Me, Password } from '../accounts/index.ts';
import { createAssistedAccount } from './create-assisted-account.ts';
import { endSession, listMySessions } from './end-session.ts';
import { eraseAssistedAccount } from './erase-assisted-account.ts';
import { issueTakeoverCode } from './issue-takeover-code.ts';
import { listAssistedAccounts, readAssistedAccount } from './read-assisted-accounts.ts';
import { startSession } from './start-session.ts';
import { takeOverAccount } from './take-over-account.ts';
import { withdrawConsent } from './withdraw-consent.ts';
import { AssistedAccount as Assisted, MEDIATION_REASONS, MediationSession as Session, TakeoverCode } from './schemas.ts';

const tags = ['mediation'];
const base = '/api/territories/:territory/mediation';
const Commune = Type.String({ pattern: '^[0-9AB]{5}$' });
const UserParams = Type.Object({ territory: TerritoryParam.properties.territory, userId: IdParam });
const SessionParams = Type.Object({ territory: TerritoryParam.properties.territory, id: IdParam });
const StaffReason = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500, description: 'operators and admins: why they need this (audited); mediators need none' })) },
  { additionalProperties: false },
);

const signedIn: { session: string[] }[] = [{ session: [] }];
const optionalSession: Record<string, string[]>[] = [{}, { session: [] }];
const problemResponses = problemResponsesFor(MEDIATION_REASONS);

const session = (s: Session): Session => ({ id: s.id, residentId: s.residentId, residentName: s.residentName, reason: s.reason, startedAt: s.startedAt, expiresAt: s.expiresAt, endedAt: s.endedAt });

export const mediationRoutes: RouteModule = (app, deps) => {
  app.post(`${base}/assisted`, {
    schema: {
      tags,
      summary: 'Create an assisted account',
      operationId: 'createAssistedAccount',
      security: signedIn,
      description: 'A mediator creates an account for a resident without e-mail or phone, with the reference and day of their paper consent form (audited). A retry with the same form returns the same account (200).',
      params: TerritoryParam,
      body: Type.Object(
        {
          displayName: Type.String({ minLength: 1, maxLength: 80 }),
          commune: Commune,
          consentRef: Type.String({ maxLength: 100, description: 'reference of the signed paper consent form' }),
          consentDate: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, the day the form was signed; today when absent' })),
          locale: Type.Optional(StringEnum(['fr', 'en'] as const)),
        },
        { additionalProperties: false },
      ),
      response: { 200: Assisted, 201: Assisted, ...problemResponses },
    },
    handler: async (req, reply) => {
      const { account, created } = await createAssistedAccount(deps, req.scope, req.body);
      return reply.status(created ? 201 : 200).send(account);
    },
  });

  app.get(`${base}/assisted`, {
    schema: {
      tags,
      summary: 'List assisted accounts',
      operationId: 'listAssistedAccounts',
      security: signedIn,
      description: 'Assisted accounts of the territory: its mediators; operators and admins only with a reason, audited (403 `reason_required` without).',
      params: TerritoryParam,
      querystring: StaffReason,
      response: { 200: Type.Object({ items: Type.Array(Assisted) }), ...problemResponses },
    },
    handler: async (req) => ({ items: await listAssistedAccounts(deps, req.scope, { reason: req.query.reason }) }),
  });

  app.get(`${base}/assisted/:userId`, {
    schema: { tags, summary: 'Read an assisted account', operationId: 'getAssistedAccount', security: signedIn, description: 'One assisted account (same access as the list).', params: UserParams, querystring: StaffReason, response: { 200: Assisted, ...problemResponses } },
    handler: async (req) => readAssistedAccount(deps, req.scope, { userId: req.params.userId, reason: req.query.reason }),
  });

  app.post(`${base}/assisted/:userId/withdraw-consent`, {
    schema: {
      tags,
      summary: 'Record a consent withdrawal',
      operationId: 'withdrawAssistedConsent',
      security: signedIn,
      description: 'A mediator records that the resident withdrew their consent: no new session, open ones end (audited).',
      params: UserParams,
      body: Type.Optional(Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })),
      response: { 200: Assisted, ...problemResponses },
    },
    handler: async (req) => withdrawConsent(deps, req.scope, { userId: req.params.userId, note: req.body?.note }),
  });

  app.post(`${base}/assisted/:userId/takeover-code`, {
    schema: {
      tags,
      summary: 'Issue a takeover code',
      operationId: 'issueTakeoverCode',
      security: signedIn,
      description: 'A mediator issues a one-time code (valid 14 days) the resident uses to take over their account; a new code replaces an unused one.',
      params: UserParams,
      response: { 201: TakeoverCode, ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await issueTakeoverCode(deps, req.scope, { userId: req.params.userId })),
  });

  app.post(`${base}/assisted/:userId/erasure`, {
    schema: {
      tags,
      summary: 'Erase an assisted account',
      operationId: 'eraseAssistedAccount',
      security: signedIn,
      description:
        'A mediator erases an assisted account the person never took over, on their signed paper request (its reference in `formRef`): the same erasure as a self-erasure, in one transaction, audited `mediation.account_erased` by the mediator. 409 `taken_over` when the person took the account over (they erase it themself); a retry after success is a 204 again.',
      params: UserParams,
      body: Type.Object(
        {
          formRef: Type.String({ maxLength: 100, description: 'reference of the signed paper request to erase the account' }),
          reason: Type.Optional(Type.String({ maxLength: 500, description: 'a note for the audit log' })),
        },
        { additionalProperties: false },
      ),
      response: { 204: NoContent, ...problemResponses },
    },
    handler: async (req, reply) => {
      await eraseAssistedAccount(deps, req.scope, { userId: req.params.userId, formRef: req.body.formRef, reason: req.body.reason });
      return reply.status(204).send();
    },
  });

  app.post(`${base}/sessions`, {
    schema: {
      tags,
      summary: 'Open a session on behalf',
      operationId: 'startMediationSession',
      security: signedIn,
      description:
        'A mediator opens a 30-minute session on behalf of an assisted resident who consented (403 `no_consent` otherwise), with a reason. Requests sent with the header `x-maille-acting-for: <id>` are then made as the resident and audited "by M on behalf of R".',
      params: TerritoryParam,
      body: Type.Object({ residentId: IdParam, reason: Type.String({ minLength: 5, maxLength: 500 }) }, { additionalProperties: false }),
      response: { 201: Session, ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(session(await startSession(deps, req.scope, req.body))),
  });

  app.get(`${base}/sessions`, {
    schema: { tags, summary: 'List my sessions on behalf', operationId: 'listMyMediationSessions', security: signedIn, description: 'The caller’s recent sessions on behalf (mediators).', params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(Session) }), ...problemResponses } },
    handler: async (req) => ({ items: (await listMySessions(deps, req.scope)).map(session) }),
  });

  app.post(`${base}/sessions/:id/end`, {
    schema: { tags, summary: 'End a session on behalf', operationId: 'endMediationSession', security: signedIn, description: 'The mediator ends their session (also from inside it); ending twice changes nothing.', params: SessionParams, response: { 200: Session, ...problemResponses } },
    handler: async (req) => session(await endSession(deps, req.scope, { id: req.params.id })),
  });

  app.post(`${base}/takeover`, {
    schema: {
      tags,
      summary: 'Take over an assisted account',
      operationId: 'takeOverAssistedAccount',
      security: optionalSession,
      description:
        'Public: an assisted resident enters the printed code, an e-mail and a password; the account becomes an ordinary one and they are signed in (audited, naming who redeemed it: the signed-in caller, or nobody signed in). 400 `code_invalid` for an unknown, expired or used code; 403 `staff_session` from a staff member’s session (the issuing mediator’s, a session on behalf); 409 `email_taken` for an address in use or a staff mailbox.',
      params: TerritoryParam,
      body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), email: Email, password: Password }, { additionalProperties: false }),
      response: { 200: Me, ...problemResponses },
    },
    handler: async (req, reply) => {
      const { userId, session: created } = await takeOverAccount(deps, req.scope, req.body);
      setSessionCookies(req, reply, created);
      return getMe(deps.db, { userId, sessionId: digest(created.token), csrfToken: created.csrfToken });
    },
  });
};
