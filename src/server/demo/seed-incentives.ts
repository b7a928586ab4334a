/**
 * @module The demo territory's participating shops: three invented shops in Dijon Métropole communes, the first kept by
 * the demo merchant account. No campaign and no money: points only ever arrive through campaigns.
 */
import type { Database } from '../core/database/schema.ts';
import { DEMO_ACCOUNTS, DEMO_SLUG } from './seed-demo.ts';

export interface DemoShop {
  name: string;
  /** INSEE code of the commune (data/dijon-metropole-communes.geojson). */
  communeCode: string;
  address: string;
  /** Whether the demo merchant account (commercant@demo.maille.fr) accepts its vouchers. */
  keptByDemoMerchant: boolean;
}

/** Invented shops — names marked « démo » so nobody mistakes them for real participating businesses. */
export const DEMO_SHOPS: readonly DemoShop[] = [
  { name: 'Boulangerie du Marché (démo)', communeCode: '21231', address: 'rue Odebert, Dijon', keptByDemoMerchant: true },
  { name: 'Atelier Vélo de la Combe (démo)', communeCode: '21617', address: 'avenue du Mail, Talant', keptByDemoMerchant: false },
  { name: 'Épicerie Vrac & Voisins (démo)', communeCode: '21166', address: 'place Pierre Meunier, Chenôve', keptByDemoMerchant: false },
];

const DEMO_MERCHANT_EMAIL = DEMO_ACCOUNTS.find((a) => a.roles.includes('merchant'))!.email;

/** Adds the demo shops when the demo territory has no shop yet (also on databases seeded before shops existed); returns how many. */
export async function ensureDemoShops(db: Database): Promise<number> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return 0;
  const existing = await db.selectFrom('merchants').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (existing) return 0;
  const merchant = await db
    .selectFrom('users as u')
    .innerJoin('territory_members as m', 'm.user_id', 'u.id')
    .select('u.id')
    .where('m.territory_id', '=', territory.id)
    .where('u.email', '=', DEMO_MERCHANT_EMAIL)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
  await db
    .insertInto('merchants')
    .values(
      DEMO_SHOPS.map((s) => ({
        territory_id: territory.id,
        name: s.name,
        commune_code: s.communeCode,
        address: s.address,
        user_id: s.keptByDemoMerchant ? (merchant?.id ?? null) : null,
      })),
    )
    .execute();
  return DEMO_SHOPS.length;
}
