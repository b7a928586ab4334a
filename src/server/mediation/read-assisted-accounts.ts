/** @module Assisted accounts of a territory, for its mediators (or staff with an audited reason): name, commune, Maille number, consent. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { notFound } from '../core/errors.ts';
import { resolveTerritory } from '../territories/index.ts';
import { auditStaffRead, requireAssistedReader } from './access.ts';
import { findAssisted, listAssisted, type AssistedAccount } from './store.ts';

interface ReadInput {
  slug: string;
  viewer: Viewer | null;
  reason?: string | undefined;
  requestId: string;
}

export async function listAssistedAccounts(db: Database, input: ReadInput): Promise<AssistedAccount[]> {
  const territory = await resolveTerritory(db, input.slug);
  const reader = await requireAssistedReader(db, territory, input.viewer, input.reason);
  return db.transaction().execute(async (trx) => {
    const items = await listAssisted(trx, territory.id);
    await auditStaffRead(trx, territory, reader, { type: 'assisted_accounts', id: null }, input.requestId);
    return items;
  });
}

export async function readAssistedAccount(db: Database, input: ReadInput & { userId: string }): Promise<AssistedAccount> {
  const territory = await resolveTerritory(db, input.slug);
  const reader = await requireAssistedReader(db, territory, input.viewer, input.reason);
  return db.transaction().execute(async (trx) => {
    const account = await findAssisted(trx, territory.id, input.userId);
    if (!account) throw notFound('Assisted account');
    await auditStaffRead(trx, territory, reader, { type: 'user', id: account.userId }, input.requestId);
    return account;
  });
}
