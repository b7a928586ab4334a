/**
 * @module The NGSI-LD API (ETSI GS CIM 009) under `/ngsi-ld/v1`, in its own Fastify scope: JSON-LD and merge-patch
 * bodies parsed as JSON, errors as NGSI-LD ProblemDetails, and the entity, batch, query, temporal and subscription routes.
 */
import type { RouteModule, TypedApp } from '../../core/http/build-app.ts';
import { batchRoutes } from './batch-routes.ts';
import { entityRoutes } from './entity-routes.ts';
import { handleNgsiError, notFound } from './errors.ts';
import type { NgsiRoutesDeps } from './http.ts';
import { allowPrivateEndpoints } from './notify-endpoint.ts';
import { queryRoutes } from './query-routes.ts';
import { subscriptionRoutes } from './subscription-routes.ts';

export const NGSI_LD_PREFIX = '/ngsi-ld/v1';

export const ngsiLdRoutes: RouteModule = async (app, deps) => {
  await app.register(
    async (scope) => {
      const ngsi = scope as TypedApp;
      ngsi.setErrorHandler(handleNgsiError);
      ngsi.setNotFoundHandler(async (request) => {
        throw notFound(`No NGSI-LD operation ${request.method} ${request.url.split('?')[0] ?? ''}.`);
      });
      // Only JSON bodies: text/plain is refused with 415 like any other media type (clause 6.3.4).
      ngsi.removeContentTypeParser('text/plain');
      const json = ngsi.getDefaultJsonParser('error', 'error');
      ngsi.addContentTypeParser(['application/ld+json', 'application/merge-patch+json'], { parseAs: 'string' }, json);
      const routesDeps: NgsiRoutesDeps = { ...deps, notify: { allowPrivate: allowPrivateEndpoints(), log: (error) => ngsi.log.error({ err: error }, 'NGSI-LD notification') } };
      entityRoutes(ngsi, routesDeps);
      queryRoutes(ngsi, routesDeps);
      batchRoutes(ngsi, routesDeps);
      subscriptionRoutes(ngsi, routesDeps);
    },
    { prefix: NGSI_LD_PREFIX },
  );
};
