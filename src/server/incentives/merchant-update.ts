/**
 * @module An operator renames a shop, names another account for its till, or closes and reopens it. Audited.
 * The new till account (a member of the territory) gets the merchant role; the previous one loses it unless it
 * still keeps another shop of the territory. A closed shop is left out of the public list, so no new voucher can
 * be issued for it; vouchers already issued stay valid at its till, and what it is owed can still be settled.
 */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { merchantAccountRows, toMerchantAccountView, type MerchantAccountView } from './merchant-accounts.ts';
import { grantMerchantRole, releaseMerchantRole, requireMemberByEmail } from './merchant-till.ts';

export interface MerchantChanges {
  name?: string | undefined;
  /** The account that will check and accept vouchers at the till; a member of the territory. */
  accountEmail?: string | undefined;
  active?: boolean | undefined;
}

interface Fields {
  name?: string;
  accountId?: string | null;
  active?: boolean;
}

/**
 * Applies the given changes in one transaction (the shop's row locked). Nothing given → 400 `/` `nothing_to_change`;
 * an empty name → 400 `/name`; a name another shop has → 409 `/name` `name_taken`; an e-mail of no member → 400
 * `/accountEmail` `not_a_member`; an unknown shop → 404. Changes that change nothing write nothing (a retry is safe).
 */
export async function updateMerchant(
  { db }: Pick<Deps, 'db'>,
  { territory, viewer, requestId }: RequestScope,
  input: { merchantId: string; changes: MerchantChanges },
): Promise<MerchantAccountView> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  const { changes } = input;
  if (changes.name === undefined && changes.accountEmail === undefined && changes.active === undefined) {
    throw new AppError('invalid', 'Give a new name, the e-mail of the till’s account, or whether the shop is open.', { field: '/', reason: 'nothing_to_change' });
  }
  const name = changes.name?.trim();
  if (name === '') throw new AppError('invalid', 'A shop needs a name.', { field: '/name' });
  try {
    return await db.transaction().execute(async (trx) => {
      const shop = await trx
        .selectFrom('merchants')
        .select(['id', 'name', 'user_id', 'active'])
        .where('territory_id', '=', territory.id)
        .where('id', '=', input.merchantId)
        .forUpdate()
        .executeTakeFirst();
      if (!shop) throw notFound('Shop');
      const before: Fields = {};
      const after: Fields = {};
      const roleChange = { territory, actorId: actor.userId, requestId };
      if (name !== undefined && name !== shop.name) {
        before.name = shop.name;
        after.name = name;
      }
      if (changes.active !== undefined && changes.active !== shop.active) {
        before.active = shop.active;
        after.active = changes.active;
      }
      let newAccount: Awaited<ReturnType<typeof requireMemberByEmail>> | null = null;
      if (changes.accountEmail !== undefined) {
        const member = await requireMemberByEmail(trx, territory, changes.accountEmail);
        if (member.user_id !== shop.user_id) {
          newAccount = member;
          before.accountId = shop.user_id;
          after.accountId = member.user_id;
        }
      }
      if (Object.keys(after).length > 0) {
        await trx
          .updateTable('merchants')
          .set({
            ...(after.name !== undefined ? { name: after.name } : {}),
            ...(after.active !== undefined ? { active: after.active } : {}),
            ...(newAccount ? { user_id: newAccount.user_id } : {}),
          })
          .where('territory_id', '=', territory.id)
          .where('id', '=', shop.id)
          .execute();
        if (newAccount) {
          await grantMerchantRole(trx, newAccount, { ...roleChange, reason: `accepts vouchers for shop ${shop.id}` });
          if (shop.user_id !== null) await releaseMerchantRole(trx, shop.user_id, { ...roleChange, reason: `no longer accepts vouchers for shop ${shop.id}` });
        }
        await recordAudit(trx, {
          territoryId: territory.id,
          actorId: actor.userId,
          action: 'merchant.updated',
          subjectType: 'merchant',
          subjectId: shop.id,
          details: { before, after },
          requestId,
        });
      }
      const row = await merchantAccountRows(trx, territory.id).where('m.id', '=', shop.id).executeTakeFirstOrThrow();
      return toMerchantAccountView(trx, territory.id, row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A shop named “${name}” already takes part in ${territory.name}.`, { field: '/name', reason: 'name_taken' });
    throw error;
  }
}
