/** @module NGSI-LD entity routes (ETSI GS CIM 009 clause 6.4, 6.5, 6.6, 6.7): one call to a use-case each. */
import type { TypedApp } from '../../core/http/build-app.ts';
import { parseNames, parseOptions } from './entity-model.ts';
import { begin, entityLocation, notifyLater, readContext, sendDocuments, writeContext, type NgsiRoutesDeps } from './http.ts';
import { retrieveEntity } from './read-entities.ts';
import { AttrParams, Document, EntityIdParams, ldAnswer, ngsiProblems, NoBody, OptionsQueryString, RetrieveQueryString, UpdateResult } from './schemas.ts';
import { appendAttributes, createEntity, deleteAttribute, mergeEntity, patchAttribute, removeEntity, updateAttributes } from './write-entities.ts';

const tags = ['ngsi-ld'];
/** A feeder's key (ingest to write, read to read) or an operator's session. */
const security: Record<string, string[]>[] = [{ observatoryKey: [] }, { session: [] }];

export function entityRoutes(app: TypedApp, deps: NgsiRoutesDeps): void {
  app.post('/entities', { schema: { tags, summary: 'Create an entity (5.6.1)', operationId: 'ngsiLdCreateEntity', security, body: Document, response: { 201: NoBody, ...ngsiProblems } } }, async (request, reply) => {
    const tenant = await begin(deps, request, 'ingest');
    const change = await createEntity(deps, tenant, request.body, writeContext(request));
    notifyLater(deps, tenant, [change]);
    return reply.code(201).header('location', entityLocation(change.entity.id)).send();
  });

  app.get(
    '/entities/:entityId',
    { schema: { tags, summary: 'Retrieve an entity (5.7.1)', operationId: 'ngsiLdRetrieveEntity', security, params: EntityIdParams, querystring: RetrieveQueryString, response: { 200: ldAnswer('the entity', Document), ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'read');
      const context = readContext(request);
      const options = parseOptions(request.query.options, ['keyValues', 'sysAttrs', 'normalized', 'concise']);
      const attrs = parseNames(request.query.attrs, 'attrs');
      const entity = await retrieveEntity(deps.db, tenant, request.params.entityId, { keyValues: options.has('keyValues'), sysAttrs: options.has('sysAttrs'), ...(attrs ? { attrs } : {}) });
      return sendDocuments(reply, request, entity, context);
    },
  );

  app.patch(
    '/entities/:entityId',
    { schema: { tags, summary: 'Merge-patch an entity (5.6.17)', operationId: 'ngsiLdMergeEntity', security, params: EntityIdParams, body: Document, response: { 204: NoBody, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'ingest');
      writeContext(request);
      const { change } = await mergeEntity(deps, tenant, request.params.entityId, request.body);
      notifyLater(deps, tenant, [change]);
      return reply.code(204).send();
    },
  );

  app.post(
    '/entities/:entityId/attrs',
    { schema: { tags, summary: 'Append attributes (5.6.3)', operationId: 'ngsiLdAppendAttributes', security, params: EntityIdParams, querystring: OptionsQueryString, body: Document, response: { 204: NoBody, 207: UpdateResult, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'ingest');
      writeContext(request);
      const options = parseOptions(request.query.options, ['noOverwrite']);
      const { result, change } = await appendAttributes(deps, tenant, request.params.entityId, request.body, options.has('noOverwrite'));
      notifyLater(deps, tenant, [change]);
      return result.notUpdated.length > 0 ? reply.code(207).send(result) : reply.code(204).send();
    },
  );

  app.patch(
    '/entities/:entityId/attrs',
    { schema: { tags, summary: 'Update attributes (5.6.2)', operationId: 'ngsiLdUpdateAttributes', security, params: EntityIdParams, body: Document, response: { 204: NoBody, 207: UpdateResult, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'ingest');
      writeContext(request);
      const { result, change } = await updateAttributes(deps, tenant, request.params.entityId, request.body);
      notifyLater(deps, tenant, [change]);
      return result.notUpdated.length > 0 ? reply.code(207).send(result) : reply.code(204).send();
    },
  );

  app.patch(
    '/entities/:entityId/attrs/:attrId',
    { schema: { tags, summary: 'Partial attribute update (5.6.4)', operationId: 'ngsiLdUpdateAttribute', security, params: AttrParams, body: Document, response: { 204: NoBody, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'ingest');
      writeContext(request);
      const { change } = await patchAttribute(deps, tenant, request.params.entityId, request.params.attrId, request.body);
      notifyLater(deps, tenant, [change]);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/entities/:entityId/attrs/:attrId',
    { schema: { tags, summary: 'Delete an attribute (5.6.5)', operationId: 'ngsiLdDeleteAttribute', security, params: AttrParams, response: { 204: NoBody, ...ngsiProblems } } },
    async (request, reply) => {
      const tenant = await begin(deps, request, 'ingest');
      readContext(request);
      const { change } = await deleteAttribute(deps, tenant, request.params.entityId, request.params.attrId);
      notifyLater(deps, tenant, [change]);
      return reply.code(204).send();
    },
  );

  app.delete('/entities/:entityId', { schema: { tags, summary: 'Delete an entity (5.6.6)', operationId: 'ngsiLdDeleteEntity', security, params: EntityIdParams, response: { 204: NoBody, ...ngsiProblems } } }, async (request, reply) => {
    const tenant = await begin(deps, request, 'ingest');
    readContext(request);
    await removeEntity(deps, tenant, request.params.entityId);
    return reply.code(204).send();
  });
}
