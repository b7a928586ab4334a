/** @module NGSI-LD subscription routes (ETSI GS CIM 009 clause 6.10, 6.11): create, list, read, patch, delete. */
import type { TypedApp } from '../../core/http/build-app.ts';
import { parseOptions } from './entity-model.ts';
import { begin, readContext, sendDocuments, writeContext, type NgsiRoutesDeps } from './http.ts';
import { pageOf } from './read-entities.ts';
import { Document, Documents, ldAnswer, ngsiProblems, NoBody, PageQueryString, RetrieveQueryString, SubscriptionParams } from './schemas.ts';
import { createSubscription, deleteSubscription, findSubscription, listSubscriptions, presentSubscription, updateSubscription } from './subscriptions.ts';

const tags = ['ngsi-ld'];
/** A feeder's key (ingest to write, read to read) or an operator's session. */
const security: Record<string, string[]>[] = [{ observatoryKey: [] }, { session: [] }];

export function subscriptionRoutes(app: TypedApp, deps: NgsiRoutesDeps): void {
  const allowPrivate = deps.notify.allowPrivate;

  app.post('/subscriptions', { schema: { tags, summary: 'Create a subscription (5.8.1)', operationId: 'ngsiLdCreateSubscription', security, body: Document, response: { 201: NoBody, ...ngsiProblems } } }, async (request, reply) => {
    const tenant = await begin(deps, request, 'read');
    const context = writeContext(request);
    const body = context !== null && !(request.body as Record<string, unknown>)['@context'] ? { ...request.body, '@context': context } : request.body;
    const id = await createSubscription(deps.db, tenant, body, deps.clock.now(), allowPrivate);
    return reply.code(201).header('location', `/ngsi-ld/v1/subscriptions/${encodeURIComponent(id).replace(/%3A/gi, ':')}`).send();
  });

  app.get('/subscriptions', { schema: { tags, summary: 'List subscriptions (5.8.4)', operationId: 'ngsiLdListSubscriptions', security, querystring: PageQueryString, response: { 200: ldAnswer('the subscriptions, one page', Documents), ...ngsiProblems } } }, async (request, reply) => {
    const tenant = await begin(deps, request, 'read');
    const context = readContext(request);
    const sysAttrs = parseOptions(request.query.options, ['sysAttrs']).has('sysAttrs');
    const { rows, count } = await listSubscriptions(deps.db, tenant, pageOf(request.query.limit, request.query.offset));
    if (request.query.count) void reply.header('NGSILD-Results-Count', String(count));
    const now = deps.clock.now();
    return sendDocuments(reply, request, rows.map((row) => presentSubscription(row, now, sysAttrs)), context);
  });

  app.get(
    '/subscriptions/:subscriptionId',
    { schema: { tags, summary: 'Retrieve a subscription (5.8.3)', operationId: 'ngsiLdRetrieveSubscription', security, params: SubscriptionParams, querystring: RetrieveQueryString, response: { 200: ldAnswer('the subscription', Document), ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'read');
      const context = readContext(request);
      const sysAttrs = parseOptions(request.query.options, ['sysAttrs']).has('sysAttrs');
      const row = await findSubscription(deps.db, tenant, request.params.subscriptionId);
      return sendDocuments(reply, request, presentSubscription(row, deps.clock.now(), sysAttrs), context);
    },
  );

  app.patch(
    '/subscriptions/:subscriptionId',
    { schema: { tags, summary: 'Update a subscription (5.8.2)', operationId: 'ngsiLdUpdateSubscription', security, params: SubscriptionParams, body: Document, response: { 204: NoBody, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'read');
      writeContext(request);
      await updateSubscription(deps.db, tenant, request.params.subscriptionId, request.body, deps.clock.now(), allowPrivate);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/subscriptions/:subscriptionId',
    { schema: { tags, summary: 'Delete a subscription (5.8.5)', operationId: 'ngsiLdDeleteSubscription', security, params: SubscriptionParams, response: { 204: NoBody, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'read');
      readContext(request);
      await deleteSubscription(deps.db, tenant, request.params.subscriptionId);
      return reply.code(204).send();
    },
  );
}
