/** @module An operator adds a participating shop; the account that will accept its vouchers gets the merchant role. Audited. */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Database } from '../core/database/schema.ts';
import { AppError } from '../core/errors.ts';
import { normaliseEmail } from '../accounts/model.ts';
import { isUniqueViolation } from '../accounts/queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireTerritoryRole, resolveTerritory } from '../territories/access.ts';
import { normaliseRoles } from '../territories/model.ts';
import { merchantRows, toMerchantView, type MerchantView } from './merchant-shops.ts';

export interface MerchantInput {
  name: string;
  communeCode?: string | undefined;
  address?: string | undefined;
  /** The account that checks and accepts vouchers at the till; must already be a member of the territory. */
  accountEmail: string;
}

export async function createMerchant(
  db: Database,
  input: { slug: string; viewer: Viewer | null; merchant: MerchantInput; requestId: string },
): Promise<MerchantView> {
  const territory = await resolveTerritory(db, input.slug);
  const actor = await requireTerritoryRole(db, territory, input.viewer, ['operator', 'admin']);
  const m = input.merchant;
  const name = m.name.trim();
  if (!name) throw new AppError('invalid', 'A shop needs a name.', { field: '/name' });
  const address = m.address?.trim() || null;
  try {
    return await db.transaction().execute(async (trx) => {
      if (m.communeCode !== undefined) {
        const commune = await trx.selectFrom('communes').select('code').where('territory_id', '=', territory.id).where('code', '=', m.communeCode).executeTakeFirst();
        if (!commune) throw new AppError('invalid', `No commune ${m.communeCode} in ${territory.name}.`, { field: '/communeCode', reason: 'unknown_commune' });
      }
      const member = await trx
        .selectFrom('territory_members as tm')
        .innerJoin('users as u', 'u.id', 'tm.user_id')
        .select(['tm.user_id', 'tm.roles'])
        .where('tm.territory_id', '=', territory.id)
        .where('u.email', '=', normaliseEmail(m.accountEmail))
        .where('u.deleted_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!member) {
        throw new AppError('invalid', `No member of ${territory.name} has this e-mail address; they must join the territory first.`, { field: '/accountEmail', reason: 'not_a_member' });
      }
      const inserted = await trx
        .insertInto('merchants')
        .values({ territory_id: territory.id, name, commune_code: m.communeCode ?? null, address, user_id: member.user_id })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!member.roles.includes('merchant')) {
        const roles = normaliseRoles([...member.roles, 'merchant']);
        await trx.updateTable('territory_members').set({ roles }).where('territory_id', '=', territory.id).where('user_id', '=', member.user_id).execute();
        await recordAudit(trx, {
          territoryId: territory.id,
          actorId: actor.userId,
          action: 'territory.roles_changed',
          subjectType: 'user',
          subjectId: member.user_id,
          reason: `accepts vouchers for shop ${inserted.id}`,
          details: { before: member.roles, after: roles },
          requestId: input.requestId,
        });
      }
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: actor.userId,
        action: 'merchant.created',
        subjectType: 'merchant',
        subjectId: inserted.id,
        details: { accountId: member.user_id, communeCode: m.communeCode ?? null },
        requestId: input.requestId,
      });
      return toMerchantView(await merchantRows(trx, territory.id).where('m.id', '=', inserted.id).executeTakeFirstOrThrow());
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A shop named “${name}” already takes part in ${territory.name}.`, { field: '/name', reason: 'name_taken' });
    throw error;
  }
}
