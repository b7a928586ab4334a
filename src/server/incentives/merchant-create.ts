/** @module An operator adds a participating shop; the account that will accept its vouchers gets the merchant role. Audited. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { isUniqueViolation } from '../core/database/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import { merchantRows, toMerchantView, type MerchantView } from './merchant-shops.ts';
import { grantMerchantRole, requireMemberByEmail } from './merchant-till.ts';

export interface MerchantInput {
  name: string;
  communeCode?: string | undefined;
  address?: string | undefined;
  /** The account that checks and accepts vouchers at the till; must already be a member of the territory. */
  accountEmail: string;
}

export async function createMerchant({ db }: Pick<Deps, 'db'>, { territory, viewer, requestId }: RequestScope, m: MerchantInput): Promise<MerchantView> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  const name = m.name.trim();
  if (!name) throw new AppError('invalid', 'A shop needs a name.', { field: '/name' });
  const address = m.address?.trim() || null;
  try {
    return await db.transaction().execute(async (trx) => {
      if (m.communeCode !== undefined) {
        const commune = await trx.selectFrom('communes').select('code').where('territory_id', '=', territory.id).where('code', '=', m.communeCode).executeTakeFirst();
        if (!commune) throw new AppError('invalid', `No commune ${m.communeCode} in ${territory.name}.`, { field: '/communeCode', reason: 'unknown_commune' });
      }
      const member = await requireMemberByEmail(trx, territory, m.accountEmail);
      const inserted = await trx
        .insertInto('merchants')
        .values({ territory_id: territory.id, name, commune_code: m.communeCode ?? null, address, user_id: member.user_id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await grantMerchantRole(trx, member, { territory, actorId: actor.userId, requestId, reason: `accepts vouchers for shop ${inserted.id}` });
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: actor.userId,
        action: 'merchant.created',
        subjectType: 'merchant',
        subjectId: inserted.id,
        details: { accountId: member.user_id, communeCode: m.communeCode ?? null },
        requestId,
      });
      return toMerchantView(await merchantRows(trx, territory.id).where('m.id', '=', inserted.id).executeTakeFirstOrThrow());
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A shop named “${name}” already takes part in ${territory.name}.`, { field: '/name', reason: 'name_taken' });
    throw error;
  }
}
