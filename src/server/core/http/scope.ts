/**
 * @module One request scope for every `/api/territories/:territory/…` route: the territory is resolved once, before
 * the handler (an unknown slug is a 404 problem), and handed over with the viewer and the request id as
 * `request.scope`. Core knows no territory table: the territories capability provides the resolver
 * (territories/scope.ts) and the composition root registers it here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/sessions.ts';
import type { Executor } from '../database/schema.ts';
import { notFound } from '../errors.ts';

/**
 * The territory a request is about. The territories capability widens it with what its resolver returns
 * (declaration merging), so use-cases receive the capability's own territory type.
 */
export interface ScopeTerritory {
  id: string;
  slug: string;
  name: string;
}

/** What every territory use-case receives besides its ports and its input: `useCase(deps, scope, input)`. */
export interface RequestScope {
  territory: ScopeTerritory;
  /** The signed-in person (the resident, inside a mediator's session on behalf), or null. */
  viewer: Viewer | null;
  requestId: string;
}

/** Finds a territory by its slug, or null. */
export type TerritoryResolver = (db: Executor, slug: string) => Promise<ScopeTerritory | null | undefined>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The territory route's scope; reading it on another route is a programming error and throws. */
    readonly scope: RequestScope;
  }
}

/** Routes under a territory: `/api/territories/:territory` itself and everything below it. */
export function isTerritoryRoute(url: string | undefined): boolean {
  return url !== undefined && /^\/api\/territories\/:territory(\/|$)/.test(url);
}

const scopes = new WeakMap<FastifyRequest, RequestScope>();

/**
 * Resolves the scope of every territory route before its handler; after the viewer (and acting-for) hooks and after
 * the CSRF guard, so a refused write reads no territory. Registered once, before the routes.
 */
export function registerRequestScope(app: FastifyInstance, db: Executor, resolve: TerritoryResolver): void {
  app.decorateRequest('scope', {
    getter(this: FastifyRequest): RequestScope {
      const scope = scopes.get(this);
      if (!scope) throw new Error(`${this.method} ${this.routeOptions.url ?? this.url} has no territory scope: it is not a /api/territories/:territory route`);
      return scope;
    },
  });
  app.addHook('preHandler', async (request) => {
    if (!isTerritoryRoute(request.routeOptions.url)) return;
    const slug = (request.params as { territory?: string }).territory ?? '';
    const territory = await resolve(db, slug);
    if (!territory) throw notFound('Territory');
    scopes.set(request, { territory, viewer: request.viewer, requestId: request.id });
  });
}
