/** @module A resident turns points into a voucher for one shop: wallet: → voucher:<code>, once per idempotency key. */
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { requireResident } from '../territories/index.ts';
import type { AccountId } from './ledger.ts';
import { balanceOf, postTransaction } from './ledger-store.ts';
import { newVoucherCode } from './voucher-code.ts';
import { cryptoRandom, type Random } from '../core/random.ts';
import type { VoucherView } from './schemas.ts';

export type { VoucherView } from './schemas.ts';

/** How many fresh codes to draw before giving up: with ~10¹² codes a second draw is already rare. */
const CODE_ATTEMPTS = 8;

/** The viewer's vouchers in a territory (or one, by its issue key), newest first, with the shop's name. */
export function voucherRows(db: Executor, territoryId: string, userId: string) {
  return db
    .selectFrom('vouchers as v')
    .innerJoin('merchants as m', 'm.id', 'v.merchant_id')
    .select(['v.code', 'v.cents', 'v.merchant_id', 'm.name as merchant_name', 'v.issued_at', 'v.redeemed_at'])
    .where('v.territory_id', '=', territoryId)
    .where('v.user_id', '=', userId)
    .orderBy('v.issued_at', 'desc')
    .orderBy('v.id', 'desc');
}

export function toVoucherView(r: { code: string; cents: number; merchant_id: string; merchant_name: string; issued_at: Date; redeemed_at: Date | null }): VoucherView {
  return { code: r.code, cents: r.cents, merchantId: r.merchant_id, merchantName: r.merchant_name, issuedAt: r.issued_at, redeemedAt: r.redeemed_at };
}

/**
 * Issues a voucher, or returns the one already issued under this idempotency key (`created: false`, whatever the
 * retry asks for — as a payout retry does). Refusals write nothing: not enough points → 400 `/cents`
 * `insufficient_points`; an unknown or inactive shop → 400 `/merchantId` `unknown_merchant`.
 */
export async function issueVoucher(
  deps: Pick<Deps, 'db' | 'clock'> & { random?: Random | undefined },
  { territory, viewer }: RequestScope,
  input: { merchantId: string; cents: number; idempotencyKey: string },
): Promise<{ voucher: VoucherView; created: boolean }> {
  const { db } = deps;
  const actor = await requireResident(db, territory, viewer);
  if (!Number.isSafeInteger(input.cents) || input.cents < 1 || input.cents > 100_000) {
    throw new AppError('invalid', 'A voucher is worth 1 to 100,000 points (whole cents).', { field: '/cents' });
  }
  const wallet: AccountId = `wallet:${actor.userId}`;
  const issueKey = `voucher-issue:${actor.userId}:${input.idempotencyKey}`;
  return db.transaction().execute(async (trx) => {
    // The wallet's row lock orders this person's concurrent issues: a retry waits for the first, then finds it.
    const balance = await balanceOf(trx, territory.id, wallet, true);
    const earlier = await voucherRows(trx, territory.id, actor.userId).where('v.issue_key', '=', issueKey).executeTakeFirst();
    if (earlier) return { voucher: toVoucherView(earlier), created: false };
    const shop = await trx
      .selectFrom('merchants')
      .select(['id', 'name'])
      .where('territory_id', '=', territory.id)
      .where('id', '=', input.merchantId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!shop) throw new AppError('invalid', 'No participating shop with this id.', { field: '/merchantId', reason: 'unknown_merchant' });
    if (balance < input.cents) throw insufficientPoints(balance);
    const code = await freshCode(trx, territory.id, deps.random ?? cryptoRandom);
    try {
      await postTransaction(trx, {
        territoryId: territory.id,
        key: issueKey,
        kind: 'voucher_issue',
        entries: [
          { account: wallet, cents: -input.cents },
          { account: `voucher:${code}`, cents: input.cents },
        ],
        memo: { merchantId: shop.id, code },
        actorId: actor.userId,
      });
    } catch (error) {
      // The database's own guard (no wallet below zero) agrees with the check above; report it the same way.
      if (error instanceof AppError && error.reason === 'insufficient_funds') throw insufficientPoints(balance);
      throw error;
    }
    const row = await trx
      .insertInto('vouchers')
      .values({ territory_id: territory.id, code, user_id: actor.userId, merchant_id: shop.id, cents: input.cents, issue_key: issueKey, issued_at: deps.clock.now() })
      .returning(['code', 'cents', 'merchant_id', 'issued_at', 'redeemed_at'])
      .executeTakeFirstOrThrow();
    return { voucher: toVoucherView({ ...row, merchant_name: shop.name }), created: true };
  });
}

function insufficientPoints(balance: number): AppError {
  return new AppError('invalid', `Not enough points: the wallet holds ${balance}.`, { field: '/cents', reason: 'insufficient_points' });
}

/** A code no voucher of the territory has (nor its ledger account); drawn again on the rare collision. */
async function freshCode(trx: Executor, territoryId: string, random: Random): Promise<string> {
  for (let i = 0; i < CODE_ATTEMPTS; i += 1) {
    const code = newVoucherCode(random);
    const voucher = await trx.selectFrom('vouchers').select('id').where('territory_id', '=', territoryId).where('code', '=', code).executeTakeFirst();
    const account = await trx.selectFrom('ledger_accounts').select('account').where('territory_id', '=', territoryId).where('account', '=', `voucher:${code}`).executeTakeFirst();
    if (!voucher && !account) return code;
  }
  throw new Error('Could not draw a free voucher code.');
}
