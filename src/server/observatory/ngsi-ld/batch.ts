/**
 * @module NGSI-LD batch operations (ETSI GS CIM 009 clauses 5.6.7 to 5.6.10): each entity of the batch on its own
 * (one failing entity does not undo the others), the outcome as a BatchOperationResult.
 */
import type { Tenant } from './access.ts';
import { badRequest, NGSI_ERROR_BASE, NgsiError } from './errors.ts';
import { checkEntityId } from './entity-model.ts';
import { appendAttributes, createEntity, removeEntity, replaceOrCreate, type Change, type NgsiDeps } from './write-entities.ts';

export const MAX_BATCH = 1000;

export interface BatchOutcome {
  success: string[];
  errors: { entityId: string; error: { type: string; title: string; status: number; detail: string } }[];
  created: string[];
  changes: Change[];
}

function itemsOf(body: unknown): unknown[] {
  if (!Array.isArray(body) || body.length === 0) throw badRequest('The body must be a non-empty JSON array.');
  if (body.length > MAX_BATCH) throw badRequest(`A batch has at most ${MAX_BATCH} entities.`);
  return body;
}

function idOf(item: unknown): string {
  const id = typeof item === 'string' ? item : (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 256) : '(no id)';
}

/** Runs `run` on each item, collecting successes and NGSI-LD errors; other failures propagate. */
async function each(items: unknown[], run: (item: unknown) => Promise<{ change: Change | null; created?: boolean }>): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { success: [], errors: [], created: [], changes: [] };
  for (const item of items) {
    try {
      const { change, created } = await run(item);
      outcome.success.push(idOf(item));
      if (created) outcome.created.push(idOf(item));
      if (change) outcome.changes.push(change);
    } catch (error) {
      if (!(error instanceof NgsiError)) throw error;
      outcome.errors.push({ entityId: idOf(item), error: { type: `${NGSI_ERROR_BASE}${error.errorType}`, title: error.errorType, status: error.status, detail: error.detail } });
    }
  }
  return outcome;
}

export function batchCreate(deps: NgsiDeps, tenant: Tenant, body: unknown, context: unknown): Promise<BatchOutcome> {
  return each(itemsOf(body), async (item) => ({ change: await createEntity(deps, tenant, item, context), created: true }));
}

export function batchUpsert(deps: NgsiDeps, tenant: Tenant, body: unknown, context: unknown, merge: boolean): Promise<BatchOutcome> {
  return each(itemsOf(body), (item) => replaceOrCreate(deps, tenant, item, context, merge));
}

export function batchUpdate(deps: NgsiDeps, tenant: Tenant, body: unknown, noOverwrite: boolean): Promise<BatchOutcome> {
  return each(itemsOf(body), async (item) => {
    const id = checkEntityId((item as { id?: unknown } | null)?.id);
    const { result, change } = await appendAttributes(deps, tenant, id, item, noOverwrite);
    if (result.notUpdated.length > 0 && result.updated.length === 0 && !noOverwrite) throw badRequest('Nothing was updated.');
    return { change };
  });
}

export function batchDelete(deps: NgsiDeps, tenant: Tenant, body: unknown): Promise<BatchOutcome> {
  return each(itemsOf(body), async (item) => {
    await removeEntity(deps, tenant, checkEntityId(item, 'each id'));
    return { change: null };
  });
}
