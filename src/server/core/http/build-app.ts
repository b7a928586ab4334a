/** @module Builds the Fastify application: plugins, security, errors, OpenAPI, then each capability's routes. */
import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { AppError } from '../errors.ts';
import type { AppDeps } from './context.ts';
import { registerApiDocs, registerOpenApi } from './openapi.ts';
import { handleError } from './problem.ts';
import { registerResponseCheck, responseCheckEnabled } from './response-check.ts';
import { registerRequestScope, type TerritoryResolver } from './scope.ts';
import { registerStaticWeb, type BootData } from './static-web.ts';
import { validatorCompiler } from './validation.ts';
import { registerViewer, type ViewerHook } from './viewer.ts';

/** A capability's routes: a Fastify plugin that receives the ports it needs. */
export type RouteModule = (app: TypedApp, deps: AppDeps) => Promise<void> | void;
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface BuildOptions {
  routes: RouteModule[];
  /** Serve the built web app from config.webDir (off in API-only tests). */
  serveWeb?: boolean;
  /** Hooks that may answer a request as someone else (mediation's sessions on behalf), registered by the composition root. */
  viewerHooks?: readonly ViewerHook[];
  /** Finds the territory of `/api/territories/:territory/…` routes for `request.scope` (the territories capability provides it). */
  territoryResolver?: TerritoryResolver;
  /** Public answers sent inside the page for its first requests (static-web.ts `BootData`). */
  bootData?: BootData;
}

/** Without a resolver (an app built for its OpenAPI document), every territory is unknown. */
const noTerritories: TerritoryResolver = async () => null;

// 64 KiB is far above any form in Maille and small enough to refuse abuse early.
const BODY_LIMIT = 64 * 1024;

export async function buildApp(deps: AppDeps, options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: BODY_LIMIT,
    // One line per request is noise at info level; debug and trace show them.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(deps.config.logLevel) }),
    // Live views (SSE) keep connections open: close them on shutdown rather than wait.
    forceCloseConnections: true,
    trustProxy: deps.config.trustProxy,
    // Errors the router raises before any hook (a URL that is not valid percent-encoding) leave as problem+json too.
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // A basemap (MAP_STYLE_URL) brings its tiles, glyphs and sprites from its own origin.
  const mapOrigin = deps.config.mapStyleUrl ? [new URL(deps.config.mapStyleUrl).origin] : [];
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mapOrigin],
        workerSrc: ["'self'"],
        connectSrc: ["'self'", ...mapOrigin],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: deps.config.publicUrl.startsWith('https://'),
  });
  // Every text answer (JSON, problem+json, GeoJSON, HTML, SVG) leaves compressed when the client accepts it; event
  // streams are written to the raw socket and never buffered (core/http/event-stream.ts), and the web build's files
  // are sent from their precompressed copies (static-web.ts).
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 0 });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`, {
        retryAfter: Math.ceil(context.ttl / 1000),
      }),
  });
  await registerOpenApi(app, deps);
  // Tests check every answer against its declared schema (core/http/response-check.ts).
  if (responseCheckEnabled()) registerResponseCheck(app);
  registerViewer(app, deps, options.viewerHooks ?? []);
  registerRequestScope(app, deps.db, options.territoryResolver ?? noTerritories);

  await app.register(async (api) => {
    for (const routes of options.routes) await routes(api, deps);
  });
  await registerApiDocs(app);

  if (options.serveWeb) await registerStaticWeb(app, deps.config.webDir, options.bootData);
  else
    app.setNotFoundHandler(async (request) => {
      throw new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`);
    });
  return app;
}
