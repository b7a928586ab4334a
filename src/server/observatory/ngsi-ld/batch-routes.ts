/** @module NGSI-LD batch routes (ETSI GS CIM 009 clause 6.14 to 6.17): 201 / 204 when every entity succeeded, 207 otherwise. */
import { JsonValueSchema } from '../../audit/index.ts';
import { Type } from 'typebox';
import type { TypedApp } from '../../core/http/build-app.ts';
import { batchCreate, batchDelete, batchUpdate, batchUpsert } from './batch.ts';
import { parseOptions } from './entity-model.ts';
import { begin, notifyLater, readContext, writeContext, type NgsiRoutesDeps } from './http.ts';
import { BatchResult, ngsiProblems, NoBody, OptionsQueryString } from './schemas.ts';

const tags = ['ngsi-ld'];
/** A feeder's key (ingest to write, read to read) or an operator's session. */
const security: Record<string, string[]>[] = [{ observatoryKey: [] }, { session: [] }];
/** A batch of up to 1000 entities is larger than the 64 KiB of Maille's forms. */
const BATCH_BODY_LIMIT = 4 * 1024 * 1024;
const Batch = Type.Array(JsonValueSchema('an entity (create, upsert, update) or an entity id (delete)', 7), { description: 'entities (create, upsert, update) or entity ids (delete)' });
const Ids = Type.Array(Type.String(), { description: 'the ids of the entities created' });

export function batchRoutes(app: TypedApp, deps: NgsiRoutesDeps): void {
  const options = { bodyLimit: BATCH_BODY_LIMIT };

  app.post('/entityOperations/create', { ...options, schema: { tags, summary: 'Batch create (5.6.7)', operationId: 'ngsiLdBatchCreate', security, body: Batch, response: { 201: Ids, 207: BatchResult, ...ngsiProblems } } }, async (request, reply) => {
    const tenant = await begin(deps, request, 'ingest');
    const outcome = await batchCreate(deps, tenant, request.body, writeContext(request));
    notifyLater(deps, tenant, outcome.changes);
    return outcome.errors.length === 0 ? reply.code(201).send(outcome.success) : reply.code(207).send({ success: outcome.success, errors: outcome.errors });
  });

  app.post(
    '/entityOperations/upsert',
    { ...options, schema: { tags, summary: 'Batch upsert (5.6.8)', operationId: 'ngsiLdBatchUpsert', security, querystring: OptionsQueryString, body: Batch, response: { 201: Ids, 204: NoBody, 207: BatchResult, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'ingest');
      const context = writeContext(request);
      const merge = parseOptions(request.query.options, ['update', 'replace']).has('update');
      const outcome = await batchUpsert(deps, tenant, request.body, context, merge);
      notifyLater(deps, tenant, outcome.changes);
      if (outcome.errors.length > 0) return reply.code(207).send({ success: outcome.success, errors: outcome.errors });
      return outcome.created.length > 0 ? reply.code(201).send(outcome.created) : reply.code(204).send();
    },
  );

  app.post(
    '/entityOperations/update',
    { ...options, schema: { tags, summary: 'Batch update (5.6.9)', operationId: 'ngsiLdBatchUpdate', security, querystring: OptionsQueryString, body: Batch, response: { 204: NoBody, 207: BatchResult, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'ingest');
      writeContext(request);
      const noOverwrite = parseOptions(request.query.options, ['noOverwrite']).has('noOverwrite');
      const outcome = await batchUpdate(deps, tenant, request.body, noOverwrite);
      notifyLater(deps, tenant, outcome.changes);
      return outcome.errors.length === 0 ? reply.code(204).send() : reply.code(207).send({ success: outcome.success, errors: outcome.errors });
    },
  );

  app.post('/entityOperations/delete', { ...options, schema: { tags, summary: 'Batch delete (5.6.10)', operationId: 'ngsiLdBatchDelete', security, body: Batch, response: { 204: NoBody, 207: BatchResult, ...ngsiProblems } } }, async (request, reply) => {
    const tenant = await begin(deps, request, 'ingest');
    readContext(request);
    const outcome = await batchDelete(deps, tenant, request.body);
    return outcome.errors.length === 0 ? reply.code(204).send() : reply.code(207).send({ success: outcome.success, errors: outcome.errors });
  });
}
