/** @module HTTP routes of accounts: sign-up, sign-in, sign-out, password reset, e-mail verification and change, me, export, erasure. */
import { digest } from '../core/auth/tokens.ts';
import type { NewSession } from '../core/auth/sessions.ts';
import type { RouteModule } from '../core/http/build-app.ts';
import { NoContent, problemResponses } from '../core/http/schemas.ts';
import { clearSessionCookies, setSessionCookies } from '../core/http/viewer.ts';
import { deleteAccount } from './delete-account.ts';
import { exportMyData } from './export-my-data.ts';
import { getMe } from './get-me.ts';
import { confirmPasswordReset, requestPasswordReset } from './reset-password.ts';
import * as S from './schemas.ts';
import { signIn, signOut } from './sign-in.ts';
import { signUp } from './sign-up.ts';
import { updateMe } from './update-me.ts';
import { requestEmailChange } from './change-email.ts';
import { resendVerification, verifyEmail } from './verify-email.ts';

const tags = ['accounts'];
const session = [{ session: [] }];

function viewerOf(userId: string, session: NewSession) {
  return { userId, sessionId: digest(session.token), csrfToken: session.csrfToken };
}

export const accountRoutes: RouteModule = (app, deps) => {
  const { db, clock } = deps;

  app.post('/api/auth/sign-up', {
    schema: { tags, summary: 'Create an account in a territory and sign in', operationId: 'signUp', security: [], body: S.SignUpBody, response: { 201: S.Me, ...problemResponses } },
    handler: async (req, reply) => {
      const { userId, session } = await signUp(deps, req.body, req.id);
      setSessionCookies(req, reply, session);
      return reply.status(201).send(await getMe(db, viewerOf(userId, session), clock.now()));
    },
  });

  app.post('/api/auth/sign-in', {
    schema: { tags, summary: 'Sign in with e-mail and password', operationId: 'signIn', security: [], body: S.SignInBody, response: { 200: S.Me, ...problemResponses } },
    handler: async (req, reply) => {
      const { userId, session } = await signIn(deps, { ...req.body, ip: req.ip }, req.id);
      setSessionCookies(req, reply, session);
      return getMe(db, viewerOf(userId, session), clock.now());
    },
  });

  app.post('/api/auth/sign-out', {
    schema: { tags, summary: 'Sign out (signed out already: no change)', operationId: 'signOut', security: [{}, { session: [] }], response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await signOut(db, req.viewer, req.id);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  });

  app.post('/api/auth/password-reset', {
    schema: { tags, summary: 'Ask for a password reset link by e-mail (the same answer for an unknown address)', operationId: 'requestPasswordReset', security: [], body: S.ResetRequestBody, response: { 202: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await requestPasswordReset(deps, req.body.email, req.id);
      return reply.status(202).send();
    },
  });

  app.post('/api/auth/password-reset/confirm', {
    schema: { tags, summary: 'Choose a new password with a reset link’s token', operationId: 'confirmPasswordReset', security: [], body: S.ResetConfirmBody, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await confirmPasswordReset(deps, req.body, req.id);
      return reply.status(204).send();
    },
  });

  app.post('/api/auth/verify-email', {
    schema: { tags, summary: 'Verify an e-mail address with its link’s token', operationId: 'verifyEmail', security: [], description: 'Opens an e-mailed verification link: the address it was sent to becomes the account’s, verified.', body: S.VerifyBody, response: { 200: S.VerifiedEmail, ...problemResponses } },
    handler: async (req) => verifyEmail(deps, req.body.token, req.id),
  });

  app.post('/api/me/email', {
    schema: { tags, summary: 'Ask to change my e-mail address (needs my password)', operationId: 'requestEmailChange', security: session, description: 'Asks to change my address: a verification link goes to the new one, which replaces the current one once opened.', body: S.EmailChangeBody, response: { 202: S.Me, ...problemResponses } },
    handler: async (req, reply) => {
      await requestEmailChange(deps, req.viewer, { ...req.body, ip: req.ip }, req.id);
      return reply.status(202).send(await getMe(db, req.viewer, clock.now()));
    },
  });

  app.post('/api/me/email/verification', {
    schema: { tags, summary: 'Send my verification link again', operationId: 'resendVerification', security: session, description: 'Sends the verification link again (at most three an hour).', response: { 202: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await resendVerification(deps, req.viewer);
      return reply.status(202).send();
    },
  });

  app.get('/api/me', {
    schema: { tags, summary: 'Read my account: profile, CSRF token, territories and roles', operationId: 'getMe', security: session, response: { 200: S.Me, ...problemResponses } },
    handler: async (req) => getMe(db, req.viewer, clock.now()),
  });

  app.patch('/api/me', {
    schema: { tags, summary: 'Change my display name or language', operationId: 'updateMe', security: session, body: S.MePatch, response: { 200: S.Me, ...problemResponses } },
    handler: async (req) => updateMe(db, req.viewer, req.body, clock.now()),
  });

  app.get('/api/me/export', {
    schema: { tags, summary: 'Download everything Maille holds about me, as JSON', operationId: 'exportMyData', security: session, description: 'Everything Maille holds about the caller, as JSON.', response: { 200: S.MyDataExport, ...problemResponses } },
    handler: async (req, reply) => {
      const data = await exportMyData(db, deps.personalData, req.viewer, clock.now(), req.id);
      // Plain JSON.stringify: a person's records are as deep as their capabilities made them, and no compiled serializer may refuse them.
      return reply.header('content-disposition', 'attachment; filename="maille-mes-donnees.json"').serializer(JSON.stringify).send(data);
    },
  });

  app.delete('/api/me', {
    schema: { tags, summary: 'Erase my account (needs my password)', operationId: 'deleteMyAccount', security: session, body: S.DeleteBody, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await deleteAccount(deps, req.viewer, { password: req.body.password, ip: req.ip }, req.id);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  });
};
