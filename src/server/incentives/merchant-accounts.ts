/** @module The operators' books of the shops: every shop of the territory, open or closed, with what it is owed and was paid. */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { balanceOf } from './ledger-store.ts';
import { merchantRows, settledCents, toMerchantView } from './merchant-shops.ts';
import type { MerchantAccountView } from './schemas.ts';

export type { MerchantAccountView } from './schemas.ts';

/** Shops of the territory with the display name of their till account; callers add filters. */
export function merchantAccountRows(db: Executor, territoryId: string) {
  return merchantRows(db, territoryId)
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.user_id').on('u.deleted_at', 'is', null))
    .select('u.display_name as account_name');
}

type AccountRow = Awaited<ReturnType<ReturnType<typeof merchantAccountRows>['executeTakeFirstOrThrow']>>;

/** One shop's books, read from the ledger. */
export async function toMerchantAccountView(db: Executor, territoryId: string, row: AccountRow): Promise<MerchantAccountView> {
  return {
    ...toMerchantView(row),
    active: row.active,
    accountName: row.account_name ?? null,
    owedCents: await balanceOf(db, territoryId, `merchant:${row.id}`),
    settledCents: await settledCents(db, territoryId, row.id),
  };
}

/** Operators and admins only (401/403 otherwise): open shops first, then closed ones, each by name. */
export async function listMerchantAccounts({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<MerchantAccountView[]> {
  await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  const shops = await merchantAccountRows(db, territory.id).orderBy('m.active', 'desc').orderBy('m.name').execute();
  return Promise.all(shops.map((shop) => toMerchantAccountView(db, territory.id, shop)));
}
