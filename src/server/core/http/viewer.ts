/** @module Resolves the session cookie into a viewer and guards cookie-authenticated writes with CSRF. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { findViewer, type NewSession, type Viewer } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import type { AppDeps } from './context.ts';

export const SESSION_COOKIE = 'maille_session';
export const CSRF_COOKIE = 'maille_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/** A request answered as someone else than its signed-in viewer, and what to record once its answer leaves. */
export interface ActingViewer {
  viewer: Viewer | null;
  /** Called once with the status sent (the onSend hook, or a live stream as it opens). */
  settle(status: number): Promise<void>;
}

/**
 * The hook point through which a capability may answer a request as someone else (mediation's sessions on behalf
 * register theirs from the composition root). Null leaves the signed-in viewer as it is.
 */
export type ViewerHook = (request: FastifyRequest, viewer: Viewer | null, deps: AppDeps) => Promise<ActingViewer | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Requests answered as someone else, for what their hook records once the answer leaves. */
const actingRequests = new WeakMap<FastifyRequest, ActingViewer>();

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
export function registerViewer(app: FastifyInstance, deps: AppDeps, hooks: readonly ViewerHook[] = []): void {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.viewer = token ? await findViewer(deps.db, deps.clock, token) : null;
    // A hook may answer as someone else (a mediator inside a session on behalf): from here on the request is theirs.
    for (const hook of hooks) {
      const acting = await hook(request, request.viewer, deps);
      if (!acting) continue;
      request.viewer = acting.viewer;
      actingRequests.set(request, acting);
      break;
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
 * Settles a request answered as someone else, once (mediation records its `mediation.acted` entry). The onSend hook
 * calls it for every answer; a live stream (core/http/event-stream.ts) hijacks its reply, never reaches onSend, and
 * calls it itself.
 */
export async function recordActingRequest(request: FastifyRequest, _deps: AppDeps, status: number): Promise<void> {
  const acting = actingRequests.get(request);
  if (!acting) return;
  actingRequests.delete(request);
  await acting.settle(status);
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
