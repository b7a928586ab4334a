/** @module What every NGSI-LD route does first (tenant, credentials, @context) and how it answers a document. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../core/http/context.ts';
import { authorize, resolveTenant, type Tenant } from './access.ts';
import { NgsiError } from './errors.ts';
import { answerType, contextOfWrite, linkContext, presentAs, withContext, type LdContext } from './media.ts';
import { notifyChanges, type NotifyDeps } from './notify.ts';
import type { Change } from './write-entities.ts';

export interface NgsiRoutesDeps extends AppDeps {
  notify: Omit<NotifyDeps, 'db' | 'clock'>;
}

const WRITE_TYPES = ['application/json', 'application/ld+json'];

/** Resolves the tenant and checks the credentials for `scope`. */
export async function begin(deps: AppDeps, request: FastifyRequest, scope: 'ingest' | 'read'): Promise<Tenant> {
  const tenant = await resolveTenant(deps.db, request);
  await authorize(deps.db, request, tenant, scope, deps.clock.now());
  return tenant;
}

/** The @context of a write with a body, after checking its Content-Type (415 otherwise; merge-patch+json on PATCH). */
export function writeContext(request: FastifyRequest): LdContext | null {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const allowed = request.method === 'PATCH' ? [...WRITE_TYPES, 'application/merge-patch+json'] : WRITE_TYPES;
  if (!allowed.includes(type)) throw new NgsiError('InvalidRequest', `The Content-Type must be ${allowed.join(' or ')}.`, 415);
  return contextOfWrite(request, request.body);
}

/** The @context of a read (the Link header), checked. */
export function readContext(request: FastifyRequest): LdContext | null {
  return linkContext(request) ?? null;
}

/** Answers a document (or a list of them) in JSON with a Link header, or in JSON-LD with @context inside. */
export function sendDocuments(reply: FastifyReply, request: FastifyRequest, documents: Record<string, unknown> | Record<string, unknown>[], context: LdContext | null) {
  const type = answerType(request);
  presentAs(reply, type, context);
  const body = Array.isArray(documents) ? documents.map((d) => withContext(d, type, context)) : withContext(documents, type, context);
  return reply.code(200).send(body);
}

/** Tells the subscriptions about committed changes, after the answer (never delays or fails it). */
export function notifyLater(deps: NgsiRoutesDeps, tenant: Tenant, changes: (Change | null)[]): void {
  const real = changes.filter((c): c is Change => c !== null);
  if (real.length > 0) void notifyChanges({ db: deps.db, clock: deps.clock, ...deps.notify }, tenant, real);
}

/** `/ngsi-ld/v1/entities/<id>` with the id readable (colons kept). */
export function entityLocation(id: string): string {
  return `/ngsi-ld/v1/entities/${encodeURIComponent(id).replace(/%3A/gi, ':')}`;
}
