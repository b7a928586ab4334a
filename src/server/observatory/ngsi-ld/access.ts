/**
 * @module Who an NGSI-LD request is for and who sends it. The tenant is the territory named by the `NGSILD-Tenant`
 * header (its slug; clause 6.3.14), else the default territory (`NGSILD_DEFAULT_TENANT`, else the oldest one). A
 * feeder authenticates with `Authorization: Bearer <key>` (an observatory key holding `ingest` for writes, `read` for
 * reads); an operator or admin in a session may do both.
 */
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../core/database/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { ScopeTerritory } from '../../core/http/scope.ts';
import { requireTerritoryRole, resolveScopeTerritory } from '../../territories/index.ts';
import { verifyKey } from '../keys.ts';
import type { KeyScope } from '../tables.ts';
import { NgsiError } from './errors.ts';

export type Tenant = ScopeTerritory;

const SLUG = /^[a-z0-9-]{2,60}$/;

/** Read once: which territory answers requests without an NGSILD-Tenant header. */
export function defaultTenantSlug(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.NGSILD_DEFAULT_TENANT || undefined;
}

export async function resolveTenant(db: Executor, request: FastifyRequest): Promise<Tenant> {
  const header = request.headers['ngsild-tenant'];
  const named = Array.isArray(header) ? header[0] : header;
  const slug = named ?? defaultTenantSlug();
  if (slug === undefined) {
    const oldest = await db.selectFrom('territories').select('slug').orderBy('id').limit(1).executeTakeFirst();
    const territory = oldest ? await resolveScopeTerritory(db, oldest.slug) : null;
    if (!territory) throw new NgsiError('NonexistentTenant', 'No territory serves NGSI-LD here yet.');
    return territory;
  }
  const territory = SLUG.test(slug) ? await resolveScopeTerritory(db, slug) : null;
  if (!territory) throw new NgsiError('NonexistentTenant', `No tenant "${slug.slice(0, 60)}": the tenant is a territory's slug.`);
  return territory;
}

/** Lets the request through when its key or session may `scope` in the tenant; 401 or 403 problem otherwise. */
export async function authorize(db: Executor, request: FastifyRequest, tenant: Tenant, scope: Extract<KeyScope, 'ingest' | 'read'>, now: Date): Promise<void> {
  const header = request.headers.authorization;
  if (typeof header === 'string' && /^Bearer\s+/i.test(header)) {
    const key = await verifyKey(db, tenant.id, header.replace(/^Bearer\s+/i, '').trim(), scope, now);
    if (!key) throw new AppError('unauthenticated', `This key is unknown, revoked, of another tenant or lacks the "${scope}" scope.`);
    return;
  }
  if (!request.viewer) throw new AppError('unauthenticated', `Send Authorization: Bearer <observatory key with the "${scope}" scope>, or sign in as an operator.`);
  await requireTerritoryRole(db, tenant, request.viewer, ['operator', 'admin']);
}
