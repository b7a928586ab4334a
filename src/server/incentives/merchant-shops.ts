/** @module Participating shops: the public list, a merchant's own shops with what they are owed, and the till's access check. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { balanceOf } from './ledger-store.ts';
import type { MerchantView, ShopView } from './schemas.ts';

export type { MerchantView, ShopView } from './schemas.ts';

/** How many recent redemptions a merchant sees per shop. */
const RECENT_REDEMPTIONS = 50;

/** Merchants of a territory with their commune's name; callers add filters. */
export function merchantRows(db: Executor, territoryId: string) {
  return db
    .selectFrom('merchants as m')
    .leftJoin('communes as c', (join) => join.onRef('c.territory_id', '=', 'm.territory_id').onRef('c.code', '=', 'm.commune_code'))
    .select(['m.id', 'm.name', 'm.commune_code', 'c.name as commune_name', 'm.address', 'm.user_id', 'm.active'])
    .where('m.territory_id', '=', territoryId);
}

type MerchantRow = { id: string; name: string; commune_code: string | null; commune_name: string | null; address: string | null };

export function toMerchantView(row: MerchantRow): MerchantView {
  return { id: row.id, name: row.name, communeCode: row.commune_code, communeName: row.commune_name, address: row.address };
}

/** The active shops of a territory, by name (public: where points can be spent). */
export async function listActiveMerchants(db: Executor, territoryId: string): Promise<MerchantView[]> {
  const rows = await merchantRows(db, territoryId).where('m.active', '=', true).orderBy('m.name').execute();
  return rows.map(toMerchantView);
}

export async function listMerchants({ db }: Pick<Deps, 'db'>, { territory }: RequestScope): Promise<MerchantView[]> {
  return listActiveMerchants(db, territory.id);
}

/**
 * The shop `merchantId` when the viewer is the account that accepts its vouchers: 401 anonymous, 403 without the
 * merchant role or for another account's shop (operators and admins included), 404 when the shop does not exist.
 */
export async function requireShopOwner(db: Executor, territory: TerritoryRef, viewer: Viewer | null, merchantId: string) {
  const actor = await requireTerritoryRole(db, territory, viewer, ['merchant']);
  const shop = await merchantRows(db, territory.id).where('m.id', '=', merchantId).executeTakeFirst();
  if (!shop) throw notFound('Shop');
  if (shop.user_id !== actor.userId) throw new AppError('forbidden', 'Only the account of this shop may check and accept its vouchers.', { reason: 'not_shop_account' });
  return { actor, shop };
}

/** Money that left `merchant:<id>`: only settlements move it out. */
export async function settledCents(db: Executor, territoryId: string, merchantId: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.sum<string | null>('cents').as('total'))
    .where('territory_id', '=', territoryId)
    .where('account', '=', `merchant:${merchantId}`)
    .where('cents', '<', '0')
    .executeTakeFirst();
  return -Number(row?.total ?? 0);
}

/** The caller's shops in this territory: what each is owed (its ledger balance), has been paid, and recent redemptions. */
export async function listMyShops({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<ShopView[]> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['merchant']);
  const shops = await merchantRows(db, territory.id).where('m.user_id', '=', actor.userId).orderBy('m.name').execute();
  return Promise.all(
    shops.map(async (shop) => {
      const [owedCents, settled, redemptions] = await Promise.all([
        balanceOf(db, territory.id, `merchant:${shop.id}`),
        settledCents(db, territory.id, shop.id),
        db
          .selectFrom('vouchers')
          .select(['code', 'cents', 'redeemed_at'])
          .where('territory_id', '=', territory.id)
          .where('merchant_id', '=', shop.id)
          .where('redeemed_at', 'is not', null)
          .orderBy('redeemed_at', 'desc')
          .orderBy('id', 'desc')
          .limit(RECENT_REDEMPTIONS)
          .execute(),
      ]);
      return {
        ...toMerchantView(shop),
        owedCents,
        settledCents: settled,
        redemptions: redemptions.map((r) => ({ code: r.code, cents: r.cents, redeemedAt: r.redeemed_at! })),
      };
    }),
  );
}
