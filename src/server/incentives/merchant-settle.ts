/** @module An operator pays a shop what it is owed (merchant: → funding:), once per payment reference. Audited. */
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { requireTerritoryRole } from '../territories/index.ts';
import type { AccountId } from './ledger.ts';
import { balanceOf, findTransaction, postTransaction } from './ledger-store.ts';

/**
 * Settles everything `merchant:<id>` holds under the key `settle:<merchantId>:<reference>`: a retry with the same
 * reference returns the first settlement and writes nothing; nothing owed (and no earlier settlement under this
 * reference) is a 409 `nothing_owed`. The reference is the payment's own (a bank transfer's label).
 */
export async function settleMerchant(
  { db }: Pick<Deps, 'db'>,
  { territory, viewer, requestId }: RequestScope,
  input: { merchantId: string; reference: string },
): Promise<{ settledCents: number }> {
  const actor = await requireTerritoryRole(db, territory, viewer, ['operator', 'admin']);
  const reference = input.reference.trim();
  if (!reference) throw new AppError('invalid', 'Give the payment reference.', { field: '/reference' });
  return db.transaction().execute(async (trx) => {
    const shop = await trx.selectFrom('merchants').select('id').where('territory_id', '=', territory.id).where('id', '=', input.merchantId).executeTakeFirst();
    if (!shop) throw notFound('Shop');
    const account: AccountId = `merchant:${shop.id}`;
    // The lock orders concurrent settlements (and redemptions) of this shop; a retry waits, then sees the first.
    const owed = await balanceOf(trx, territory.id, account, true);
    const key = `settle:${shop.id}:${reference}`;
    const done = await findTransaction(trx, territory.id, key);
    if (done) return { settledCents: done.entries.find((e) => e.account === account)!.cents * -1 };
    if (owed <= 0) throw new AppError('conflict', 'This shop is owed nothing at the moment.', { reason: 'nothing_owed' });
    await postTransaction(trx, {
      territoryId: territory.id,
      key,
      kind: 'settle',
      entries: [
        { account, cents: -owed },
        { account: `funding:${territory.id}`, cents: owed },
      ],
      memo: { merchantId: shop.id, reference },
      actorId: actor.userId,
    });
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'merchant.settled',
      subjectType: 'merchant',
      subjectId: shop.id,
      reason: reference,
      details: { reference, cents: owed },
      requestId,
    });
    return { settledCents: owed };
  });
}
