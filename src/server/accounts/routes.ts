/** @module HTTP routes of accounts: sign-up, sign-in, sign-out, password reset, me, export, erasure. */
import { Type } from 'typebox';
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

const tags = ['accounts'];

function viewerOf(userId: string, session: NewSession) {
  return { userId, sessionId: digest(session.token), csrfToken: session.csrfToken };
}

export const accountRoutes: RouteModule = (app, { db, clock, bus, config }) => {
  const sessionDeps = { db, clock, sessionDays: config.sessionDays };

  app.post('/api/auth/sign-up', {
    schema: { tags, body: S.SignUpBody, response: { 201: S.Me, ...problemResponses } },
    handler: async (req, reply) => {
      const { userId, session } = await signUp(sessionDeps, req.body, req.id);
      setSessionCookies(req, reply, session);
      return reply.status(201).send(await getMe(db, viewerOf(userId, session)));
    },
  });

  app.post('/api/auth/sign-in', {
    schema: { tags, body: S.SignInBody, response: { 200: S.Me, ...problemResponses } },
    handler: async (req, reply) => {
      const { userId, session } = await signIn(sessionDeps, { ...req.body, ip: req.ip }, req.id);
      setSessionCookies(req, reply, session);
      return getMe(db, viewerOf(userId, session));
    },
  });

  app.post('/api/auth/sign-out', {
    schema: { tags, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await signOut(db, req.viewer, req.id);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  });

  app.post('/api/auth/password-reset', {
    schema: { tags, body: S.ResetRequestBody, response: { 202: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      if (await requestPasswordReset({ db, clock, publicUrl: config.publicUrl }, req.body.email, req.id)) {
        bus.publish('mail.queued', { count: 1 });
      }
      return reply.status(202).send();
    },
  });

  app.post('/api/auth/password-reset/confirm', {
    schema: { tags, body: S.ResetConfirmBody, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await confirmPasswordReset({ db, clock }, req.body, req.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/me', {
    schema: { tags, response: { 200: S.Me, ...problemResponses } },
    handler: async (req) => getMe(db, req.viewer),
  });

  app.patch('/api/me', {
    schema: { tags, body: S.MePatch, response: { 200: S.Me, ...problemResponses } },
    handler: async (req) => updateMe(db, req.viewer, req.body),
  });

  app.get('/api/me/export', {
    schema: { tags, description: 'Everything Maille holds about the caller, as JSON.', response: { 200: Type.Unknown(), ...problemResponses } },
    handler: async (req, reply) => {
      const data = await exportMyData(db, req.viewer, clock.now(), req.id);
      void reply.header('content-disposition', 'attachment; filename="maille-mes-donnees.json"');
      return data;
    },
  });

  app.delete('/api/me', {
    schema: { tags, body: S.DeleteBody, response: { 204: NoContent, ...problemResponses } },
    handler: async (req, reply) => {
      await deleteAccount({ db, clock }, req.viewer, req.body.password, req.id);
      clearSessionCookies(reply);
      return reply.status(204).send();
    },
  });
};
