/** @module Resolves the session cookie into a viewer and guards cookie-authenticated writes with CSRF. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { findViewer, type NewSession, type Viewer } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { actAs, recordActed, type Acting } from '../../mediation/acting-for.ts';
import { ACTING_FOR_HEADER } from '../../mediation/model.ts';
import type { AppDeps } from './context.ts';

export const SESSION_COOKIE = 'maille_session';
export const CSRF_COOKIE = 'maille_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Requests made inside a mediation session, for their `mediation.acted` audit entry. */
const actingRequests = new WeakMap<FastifyRequest, Acting>();

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * True when an Origin header names this very host. `null` (sandboxed frames, file pages), garbage and `http://` name
 * no site at all, so they are not this one. Both sides go through URL, so `http://maille.fr:80` is `maille.fr`.
 */
function sameOrigin(origin: string, host: string): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const here = `${url.protocol}//${host}`;
  return URL.canParse(here) && new URL(here).host === url.host;
}

/** Adds `request.viewer` and rejects cookie-authenticated writes without the CSRF header. */
export function registerViewer(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await findViewer(deps.db, deps.clock, token) : null;
    // A mediator inside a session on behalf (mediation/acting-for.ts): from here on the request is the resident's.
    const actingFor = request.headers[ACTING_FOR_HEADER];
    if (actingFor !== undefined) {
      const params = request.params as Record<string, string> | undefined;
      const acting = await actAs(deps.db, deps.clock, request.viewer, actingFor, {
        method: request.method,
        route: request.routeOptions.url,
        territorySlug: params?.territory,
      });
      request.viewer = acting.viewer;
      actingRequests.set(request, acting);
    }
  });
  // Every request made on someone's behalf is logged before its answer leaves, whatever the capability recorded.
  app.addHook('onSend', async (request, reply) => recordActingRequest(request, deps, reply.statusCode));
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    // A browser always sends Origin on cross-site writes: refuse another site's forms, signed in or not.
    // `Origin: null` comes from sandboxed frames and file pages, whose site is unknown: refused like another site.
    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, request.host)) {
      throw new AppError('csrf', 'Cross-site requests are not accepted.');
    }
    if (!request.viewer) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, request.viewer.csrfToken)) {
      throw new AppError('csrf', `Send the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie.`);
    }
  });
}

/**
 * Records the `mediation.acted` entry of a request made on someone's behalf, once. The onSend hook calls it for
 * every answer; a live stream (core/http/event-stream.ts) hijacks its reply, never reaches onSend, and calls it itself.
 */
export async function recordActingRequest(request: FastifyRequest, deps: AppDeps, status: number): Promise<void> {
  const acting = actingRequests.get(request);
  if (!acting) return;
  actingRequests.delete(request);
  await recordActed(deps.db, acting, { method: request.method, route: request.routeOptions.url, status, requestId: request.id }, deps.clock.now());
}

/** Sets the session and CSRF cookies; Secure when the request came over HTTPS. */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  const secure = request.protocol === 'https';
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
  void reply.setCookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
