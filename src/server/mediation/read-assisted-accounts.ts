/** @module Assisted accounts of a territory, for its mediators (or staff with an audited reason): name, commune, Maille number, consent. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { notFound } from '../core/errors.ts';
import { auditStaffRead, requireAssistedReader } from './access.ts';
import { findAssisted, listAssisted, type AssistedAccount } from './store.ts';

interface ReadInput {
  /** Operators and admins: why they read (audited). */
  reason?: string | undefined;
}

export async function listAssistedAccounts({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, input: ReadInput): Promise<AssistedAccount[]> {
  const reader = await requireAssistedReader(db, territory, viewer, input.reason);
  return db.transaction().execute(async (trx) => {
    const items = await listAssisted(trx, territory.id);
    await auditStaffRead(trx, territory, reader, { type: 'assisted_accounts', id: null }, requestId);
    return items;
  });
}

export async function readAssistedAccount({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, input: ReadInput & { userId: string }): Promise<AssistedAccount> {
  const reader = await requireAssistedReader(db, territory, viewer, input.reason);
  return db.transaction().execute(async (trx) => {
    const account = await findAssisted(trx, territory.id, input.userId);
    if (!account) throw notFound('Assisted account');
    await auditStaffRead(trx, territory, reader, { type: 'user', id: account.userId }, requestId);
    return account;
  });
}
