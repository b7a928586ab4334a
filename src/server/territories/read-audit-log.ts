/** @module An admin reads the territory's audit log, newest first. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { listAudit } from '../audit/index.ts';
import { requireTerritoryRole } from './access.ts';

export async function readAuditLog({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, query: Parameters<typeof listAudit>[2]) {
  await requireTerritoryRole(db, territory, viewer, ['admin']);
  return { items: await listAudit(db, territory.id, query) };
}
