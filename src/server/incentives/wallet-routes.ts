/** @module HTTP routes of wallets, vouchers and merchants. */
import { Type } from 'typebox';
import type { RouteModule } from '../core/http/build-app.ts';
import { IdParam, problemResponsesFor, TerritoryParam } from '../core/http/schemas.ts';
import { listMerchantAccounts } from './merchant-accounts.ts';
import { createMerchant } from './merchant-create.ts';
import { settleMerchant } from './merchant-settle.ts';
import { listMerchants, listMyShops } from './merchant-shops.ts';
import { updateMerchant } from './merchant-update.ts';
import { issueVoucher } from './voucher-issue.ts';
import { checkVoucher, redeemVoucher } from './voucher-redeem.ts';
import { viewWallet } from './wallet-view.ts';
import {
  INCENTIVE_REASONS,
  MerchantAccountList,
  MerchantAccountViewSchema,
  MerchantList,
  MerchantSettled,
  MerchantViewSchema,
  RedemptionResultSchema,
  ShopList,
  VoucherCheckSchema,
  VoucherViewSchema,
  WalletViewSchema,
} from './schemas.ts';

const base = '/api/territories/:territory';
const slug = TerritoryParam.properties.territory;
const MerchantParams = Type.Object({ territory: slug, id: IdParam });
/** A code as typed at the till: any case, with or without the dash (normalised by the use-case). */
const CodeField = Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' });
const problems = problemResponsesFor(INCENTIVE_REASONS);
const security: Record<string, string[]>[] = [{ session: [] }];

export const walletRoutes: RouteModule = (app, deps) => {
  // ── Wallet: the caller's own, in this territory ────────────────────────
  app.get(`${base}/wallet`, {
    schema: {
      summary: 'Read my wallet',
      description: 'The caller’s points, history, held gestures, vouchers, and where to spend them.',
      operationId: 'getMyWallet',
      tags: ['wallet'],
      security,
      params: TerritoryParam,
      response: { 200: WalletViewSchema, ...problems },
    },
    handler: async (req) => viewWallet(deps, req.scope),
  });

  app.post(`${base}/wallet/vouchers`, {
    schema: {
      summary: 'Turn points into a voucher',
      description: 'Turns points into a voucher for one shop. 201 when issued; a retry with the same idempotencyKey answers 200 with the same voucher. 400 `unknown_merchant`, `insufficient_points`.',
      operationId: 'issueVoucher',
      tags: ['wallet'],
      security,
      params: TerritoryParam,
      body: Type.Object(
        {
          merchantId: IdParam,
          cents: Type.Integer({ minimum: 1, maximum: 100_000 }),
          idempotencyKey: Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' }),
        },
        { additionalProperties: false },
      ),
      response: { 200: VoucherViewSchema, 201: VoucherViewSchema, ...problems },
    },
    handler: async (req, reply) => {
      const { voucher, created } = await issueVoucher(deps, req.scope, req.body);
      return reply.status(created ? 201 : 200).send(voucher);
    },
  });

  // ── Merchants ────────────────────────────────────────────────────────────
  app.get(`${base}/merchants`, {
    schema: {
      summary: 'List the participating shops',
      description: 'The participating shops (active ones).',
      operationId: 'listMerchants',
      tags: ['merchants'],
      security: [],
      params: TerritoryParam,
      response: { 200: MerchantList, ...problems },
    },
    handler: async (req) => ({ items: await listMerchants(deps, req.scope) }),
  });

  app.post(`${base}/merchants`, {
    schema: {
      summary: 'Add a shop',
      description: 'Operators and admins add a shop; the named account (a member of the territory) gets the merchant role. 400 `unknown_commune`, `not_a_member`; 409 `name_taken`.',
      operationId: 'createMerchant',
      tags: ['merchants'],
      security,
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
      response: { 201: MerchantViewSchema, ...problems },
    },
    handler: async (req, reply) => reply.status(201).send(await createMerchant(deps, req.scope, req.body)),
  });

  app.get(`${base}/merchants/accounts`, {
    schema: {
      summary: 'List every shop’s books',
      description: 'Operators and admins: every shop, open or closed, with what it is owed and what was settled, and the name of its till account.',
      operationId: 'listMerchantAccounts',
      tags: ['merchants'],
      security,
      params: TerritoryParam,
      response: { 200: MerchantAccountList, ...problems },
    },
    handler: async (req) => ({ items: await listMerchantAccounts(deps, req.scope) }),
  });

  app.patch(`${base}/merchants/:id`, {
    schema: {
      summary: 'Change a shop',
      description: 'Operators and admins rename a shop, name another account for its till (a member, who gets the merchant role), or close and reopen it. 400 `nothing_to_change`, `not_a_member`; 409 `name_taken`.',
      operationId: 'updateMerchant',
      tags: ['merchants'],
      security,
      params: MerchantParams,
      body: Type.Object(
        {
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
          accountEmail: Type.Optional(Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' })),
          active: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      response: { 200: MerchantAccountViewSchema, ...problems },
    },
    handler: async (req) => updateMerchant(deps, req.scope, { merchantId: req.params.id, changes: req.body }),
  });

  app.get(`${base}/my-shops`, {
    schema: {
      summary: 'List my shops',
      description: 'The caller’s shops: what each is owed, has been paid, and recent redemptions.',
      operationId: 'listMyShops',
      tags: ['merchants'],
      security,
      params: TerritoryParam,
      response: { 200: ShopList, ...problems },
    },
    handler: async (req) => ({ items: await listMyShops(deps, req.scope) }),
  });

  app.get(`${base}/merchants/:id/vouchers/:code`, {
    schema: {
      summary: 'Check a voucher at the till',
      description: 'The shop’s account checks a code before accepting it (reads only). 403 `not_shop_account`; 400 `wrong_merchant`.',
      operationId: 'checkVoucher',
      tags: ['merchants'],
      security,
      params: Type.Object({ territory: slug, id: IdParam, code: CodeField }),
      response: { 200: VoucherCheckSchema, ...problems },
    },
    handler: async (req) => checkVoucher(deps, req.scope, { merchantId: req.params.id, code: req.params.code }),
  });

  app.post(`${base}/merchants/:id/redemptions`, {
    schema: {
      summary: 'Accept a voucher at the till',
      description: 'The shop’s account accepts a voucher, once. 403 `not_shop_account`; 400 `wrong_merchant`; 409 `already_redeemed`.',
      operationId: 'redeemVoucher',
      tags: ['merchants'],
      security,
      params: MerchantParams,
      body: Type.Object({ code: CodeField }, { additionalProperties: false }),
      response: { 200: RedemptionResultSchema, ...problems },
    },
    handler: async (req) => redeemVoucher(deps, req.scope, { merchantId: req.params.id, code: req.body.code }),
  });

  app.post(`${base}/merchants/:id/settlements`, {
    schema: {
      summary: 'Record that a shop was paid',
      description: 'Operators and admins record that the shop was paid what it was owed; a retry with the same reference changes nothing. 409 `nothing_owed`.',
      operationId: 'settleMerchant',
      tags: ['merchants'],
      security,
      params: MerchantParams,
      body: Type.Object({ reference: Type.String({ minLength: 1, maxLength: 80, pattern: '^[^\\u0000-\\u001f]+$' }) }, { additionalProperties: false }),
      response: { 200: MerchantSettled, ...problems },
    },
    handler: async (req) => settleMerchant(deps, req.scope, { merchantId: req.params.id, reference: req.body.reference }),
  });
};
