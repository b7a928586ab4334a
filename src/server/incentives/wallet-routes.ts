/** @module HTTP routes of wallets, vouchers and merchants. */
import { Type, type TSchema } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { DateTime, IdParam, problemResponses, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { listMerchantAccounts } from './merchant-accounts.ts';
import { createMerchant } from './merchant-create.ts';
import { settleMerchant } from './merchant-settle.ts';
import { listMerchants, listMyShops } from './merchant-shops.ts';
import { updateMerchant } from './merchant-update.ts';
import { issueVoucher } from './voucher-issue.ts';
import { checkVoucher, redeemVoucher } from './voucher-redeem.ts';
import { viewWallet } from './wallet-view.ts';

const base = '/api/territories/:territory';
const slug = TerritoryParam.properties.territory;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const MerchantParams = Type.Object({ territory: slug, id: IdParam });
/** A code as typed at the till: any case, with or without the dash (normalised by the use-case). */
const CodeField = Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' });

const MerchantView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  communeCode: Nullable(Type.String()),
  communeName: Nullable(Type.String()),
  address: Nullable(Type.String()),
});
const VoucherView = Type.Object({
  code: Type.String(),
  cents: Type.Integer(),
  merchantId: Type.String(),
  merchantName: Type.String(),
  issuedAt: DateTime,
  redeemedAt: Nullable(DateTime),
});
const WalletView = Type.Object({
  balanceCents: Type.Integer(),
  heldGestures: Type.Integer(),
  history: Type.Array(
    Type.Object({
      at: DateTime,
      kind: StringEnum(['payout', 'lottery_prize', 'voucher_issue']),
      cents: Type.Integer(),
      campaignName: Nullable(Type.String()),
      gestureDate: Nullable(Type.String()),
      merchantName: Nullable(Type.String()),
    }),
  ),
  vouchers: Type.Array(VoucherView),
  merchants: Type.Array(MerchantView),
});
const MerchantAccountView = Type.Object({
  ...MerchantView.properties,
  active: Type.Boolean(),
  accountName: Nullable(Type.String()),
  owedCents: Type.Integer(),
  settledCents: Type.Integer(),
});
const ShopView = Type.Object({
  ...MerchantView.properties,
  owedCents: Type.Integer(),
  settledCents: Type.Integer(),
  redemptions: Type.Array(Type.Object({ code: Type.String(), cents: Type.Integer(), redeemedAt: DateTime })),
});

export const walletRoutes: RouteModule = (app, deps) => {
  const { db } = deps;

  // ── Wallet: the caller's own, in this territory ────────────────────────
  app.get(`${base}/wallet`, {
    schema: { tags: ['wallet'], description: 'The caller’s points, history, held gestures, vouchers, and where to spend them.', params: TerritoryParam, response: { 200: WalletView, ...problemResponses } },
    handler: async (req) => viewWallet(db, req.params.territory, req.viewer),
  });

  app.post(`${base}/wallet/vouchers`, {
    schema: {
      tags: ['wallet'],
      description: 'Turns points into a voucher for one shop. 201 when issued; a retry with the same idempotencyKey answers 200 with the same voucher.',
      params: TerritoryParam,
      body: Type.Object(
        {
          merchantId: IdParam,
          cents: Type.Integer({ minimum: 1, maximum: 100_000 }),
          idempotencyKey: Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' }),
        },
        { additionalProperties: false },
      ),
      response: { 200: VoucherView, 201: VoucherView, ...problemResponses },
    },
    handler: async (req, reply) => {
      const { voucher, created } = await issueVoucher(deps, { slug: req.params.territory, viewer: req.viewer, ...req.body });
      return reply.status(created ? 201 : 200).send(voucher);
    },
  });

  // ── Merchants ────────────────────────────────────────────────────────────
  app.get(`${base}/merchants`, {
    schema: { tags: ['merchants'], description: 'The participating shops (active ones).', params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(MerchantView) }), ...problemResponses } },
    handler: async (req) => ({ items: await listMerchants(db, req.params.territory) }),
  });

  app.post(`${base}/merchants`, {
    schema: {
      tags: ['merchants'],
      description: 'Operators and admins add a shop; the named account (a member of the territory) gets the merchant role.',
      params: TerritoryParam,
      body: Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 120 }),
          communeCode: Type.Optional(Type.String({ pattern: '^[0-9AB]{5}$' })),
          address: Type.Optional(Type.String({ maxLength: 200 })),
          accountEmail: Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' }),
        },
        { additionalProperties: false },
      ),
      response: { 201: MerchantView, ...problemResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await createMerchant(db, { slug: req.params.territory, viewer: req.viewer, merchant: req.body, requestId: req.id })),
  });

  app.get(`${base}/merchants/accounts`, {
    schema: {
      tags: ['merchants'],
      description: 'Operators and admins: every shop, open or closed, with what it is owed and what was settled, and the name of its till account.',
      params: TerritoryParam,
      response: { 200: Type.Object({ items: Type.Array(MerchantAccountView) }), ...problemResponses },
    },
    handler: async (req) => ({ items: await listMerchantAccounts(db, req.params.territory, req.viewer) }),
  });

  app.patch(`${base}/merchants/:id`, {
    schema: {
      tags: ['merchants'],
      description: 'Operators and admins rename a shop, name another account for its till (a member, who gets the merchant role), or close and reopen it.',
      params: MerchantParams,
      body: Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
          accountEmail: Type.Optional(Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' })),
          active: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      response: { 200: MerchantAccountView, ...problemResponses },
    },
    handler: async (req) => updateMerchant(db, { slug: req.params.territory, viewer: req.viewer, merchantId: req.params.id, changes: req.body, requestId: req.id }),
  });

  app.get(`${base}/my-shops`, {
    schema: { tags: ['merchants'], description: 'The caller’s shops: what each is owed, has been paid, and recent redemptions.', params: TerritoryParam, response: { 200: Type.Object({ items: Type.Array(ShopView) }), ...problemResponses } },
    handler: async (req) => ({ items: await listMyShops(db, req.params.territory, req.viewer) }),
  });

  app.get(`${base}/merchants/:id/vouchers/:code`, {
    schema: {
      tags: ['merchants'],
      description: 'The shop’s account checks a code before accepting it (reads only).',
      params: Type.Object({ territory: slug, id: IdParam, code: CodeField }),
      response: {
        200: Type.Object({ code: Type.String(), cents: Type.Integer(), status: StringEnum(['valid', 'redeemed']), issuedAt: DateTime, redeemedAt: Nullable(DateTime) }),
        ...problemResponses,
      },
    },
    handler: async (req) => checkVoucher(db, { slug: req.params.territory, viewer: req.viewer, merchantId: req.params.id, code: req.params.code }),
  });

  app.post(`${base}/merchants/:id/redemptions`, {
    schema: {
      tags: ['merchants'],
      description: 'The shop’s account accepts a voucher, once.',
      params: MerchantParams,
      body: Type.Object({ code: CodeField }, { additionalProperties: false }),
      response: { 200: Type.Object({ code: Type.String(), cents: Type.Integer(), owedCents: Type.Integer() }), ...problemResponses },
    },
    handler: async (req) => redeemVoucher(deps, { slug: req.params.territory, viewer: req.viewer, merchantId: req.params.id, code: req.body.code, requestId: req.id }),
  });

  app.post(`${base}/merchants/:id/settlements`, {
    schema: {
      tags: ['merchants'],
      description: 'Operators and admins record that the shop was paid what it was owed; a retry with the same reference changes nothing.',
      params: MerchantParams,
      body: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 80, pattern: '^[^\\u0000-\\u001f]+$' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ settledCents: Type.Integer() }), ...problemResponses },
    },
    handler: async (req) => settleMerchant(db, { slug: req.params.territory, viewer: req.viewer, merchantId: req.params.id, reference: req.body.reference, requestId: req.id }),
  });
};
