/**
 * @module The exact address of a request, kept in its own table. `readAddress` is the one place that reads it, and it
 * decides who may: the requester (their own data) and the helper they accepted while the request is matched; nobody
 * else, whatever their role. Each read by a helper is audited.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import type { Executor } from '../core/database/schema.ts';
import { AppError, notFound } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { addressAccess } from './model.ts';
import { displayNames, loadRequest, type RequestRow } from './store.ts';
import type { PrivateAddress } from './schemas.ts';

export async function storeAddress(trx: Executor, input: { requestId: string; territoryId: string; address: string; contact: string | null }): Promise<void> {
  await trx.insertInto('aid_request_addresses').values({ request_id: input.requestId, territory_id: input.territoryId, address: input.address, contact: input.contact }).execute();
}

/**
 * The address of `request` for `userId`, or a refusal: 403 `not_entitled` for anyone but the requester and the
 * accepted helper, 403 `closed` for that helper once the request is done or cancelled.
 */
export async function readAddress(db: Executor, request: RequestRow, userId: string): Promise<PrivateAddress> {
  const access = addressAccess({ requesterId: request.requester_id, acceptedHelperId: request.accepted_helper_id, status: request.status }, userId);
  if (access === 'none') throw new AppError('forbidden', 'Only the helper the requester accepted sees the exact address.', { reason: 'not_entitled' });
  if (access === 'closed') throw new AppError('forbidden', 'This request is closed: its address is no longer shown.', { reason: 'closed' });
  const row = await db.selectFrom('aid_request_addresses').select(['address', 'contact']).where('request_id', '=', request.id).executeTakeFirst();
  if (!row) throw notFound('Address');
  const names = await displayNames(db, [request.requester_id]);
  return { requestId: request.id, address: row.address, contact: row.contact, requesterName: names.get(request.requester_id) ?? null };
}

/** GET …/requests/:id/address: resolves the viewer and the request, reads through `readAddress`, audits a helper's read. */
export async function getRequestAddress(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: { id: string }): Promise<PrivateAddress> {
  const actor = await requireResident(deps.db, territory, viewer);
  return deps.db.transaction().execute(async (trx) => {
    const request = await loadRequest(trx, territory.id, input.id);
    const address = await readAddress(trx, request, actor.userId);
    if (request.requester_id !== actor.userId) {
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer!),
        action: 'mutual_aid.address_read',
        subjectType: 'aid_request',
        subjectId: request.id,
        reason: 'accepted_helper',
        details: { requesterId: request.requester_id },
        requestId,
        at: deps.clock.now(),
      });
    }
    return address;
  });
}

/** The addresses of one's own requests, for the data export (through the same entitlement check). */
export async function ownAddresses(db: Executor, requests: readonly RequestRow[], userId: string): Promise<PrivateAddress[]> {
  const out: PrivateAddress[] = [];
  for (const r of requests) {
    if (r.requester_id !== userId) continue;
    try {
      out.push(await readAddress(db, r, userId));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return out;
}

/** Deletes the addresses of these requests (erasure, or when a request closes and is anonymised). */
export async function eraseAddresses(trx: Executor, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return;
  await trx.deleteFrom('aid_request_addresses').where('request_id', 'in', [...requestIds]).execute();
}
