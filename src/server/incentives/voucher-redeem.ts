/** @module At the till: the shop's account checks a voucher code, then accepts it once (voucher:<code> → merchant:<id>). */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import type { AccountId } from './ledger.ts';
import { balanceOf, postTransaction } from './ledger-store.ts';
import { requireShopOwner } from './merchant-shops.ts';
import { normaliseCode } from './voucher-code.ts';
import type { RedemptionResult, VoucherCheck } from './schemas.ts';

export type { VoucherCheck } from './schemas.ts';

/**
 * The voucher `typed` for shop `merchantId`: 404 when no voucher has this code (or it cannot be one), 400 `/code`
 * `wrong_merchant` when it belongs to another shop — which learns nothing more about it.
 */
async function findVoucher(db: Executor, territory: TerritoryRef, merchantId: string, typed: string, lock: boolean) {
  const code = normaliseCode(typed);
  if (!code) throw notFound('Voucher');
  let q = db
    .selectFrom('vouchers')
    .select(['id', 'code', 'cents', 'merchant_id', 'issued_at', 'redeemed_at'])
    .where('territory_id', '=', territory.id)
    .where('code', '=', code);
  if (lock) q = q.forUpdate();
  const voucher = await q.executeTakeFirst();
  if (!voucher) throw notFound('Voucher');
  if (voucher.merchant_id !== merchantId) throw new AppError('invalid', 'This voucher is for another shop.', { field: '/code', reason: 'wrong_merchant' });
  return voucher;
}

export type { RedemptionResult } from './schemas.ts';

/** What the cashier sees before accepting: the amount and whether the code was already used. Reads only. */
export async function checkVoucher({ db }: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, input: { merchantId: string; code: string }): Promise<VoucherCheck> {
  await requireShopOwner(db, territory, viewer, input.merchantId);
  const v = await findVoucher(db, territory, input.merchantId, input.code, false);
  return { code: v.code, cents: v.cents, status: v.redeemed_at ? 'redeemed' : 'valid', issuedAt: v.issued_at, redeemedAt: v.redeemed_at };
}

/**
 * Accepts a voucher once. In one transaction the voucher row is locked (`for update`), so of two racing requests the
 * second waits and then sees it redeemed: 409 `already_redeemed`. Every refusal writes nothing.
 */
export async function redeemVoucher(
  deps: Pick<Deps, 'db' | 'clock'>,
  { territory, viewer, requestId }: RequestScope,
  input: { merchantId: string; code: string },
): Promise<RedemptionResult> {
  const { db } = deps;
  const { actor, shop } = await requireShopOwner(db, territory, viewer, input.merchantId);
  return db.transaction().execute(async (trx) => {
    const v = await findVoucher(trx, territory, shop.id, input.code, true);
    if (v.redeemed_at) throw alreadyRedeemed(v.redeemed_at);
    const merchant: AccountId = `merchant:${shop.id}`;
    const posted = await postTransaction(trx, {
      territoryId: territory.id,
      key: `voucher-redeem:${v.code}`,
      kind: 'voucher_redeem',
      entries: [
        { account: `voucher:${v.code}`, cents: -v.cents },
        { account: merchant, cents: v.cents },
      ],
      memo: { merchantId: shop.id, code: v.code },
      actorId: actor.userId,
    });
    // Unreachable while the row lock holds, kept as a guard: the ledger already has this redemption.
    if (!posted.created) throw alreadyRedeemed(posted.createdAt);
    const now = deps.clock.now();
    await trx.updateTable('vouchers').set({ redeemed_at: now, redeemed_by: actor.userId }).where('id', '=', v.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: actor.userId,
      action: 'voucher.redeemed',
      subjectType: 'voucher',
      subjectId: v.id,
      details: { merchantId: shop.id, code: v.code, cents: v.cents },
      requestId,
    });
    return { code: v.code, cents: v.cents, owedCents: await balanceOf(trx, territory.id, merchant) };
  });
}

function alreadyRedeemed(at: Date): AppError {
  return new AppError('conflict', `This voucher was already accepted on ${at.toISOString().slice(0, 10)}.`, { reason: 'already_redeemed' });
}
