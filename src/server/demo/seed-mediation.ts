/**
 * @module The demo territory's assisted residents: two invented people without e-mail or phone, whose accounts the
 * demo mediator (mediatrice@demo.maille.fr) created with a paper consent reference, so the mediation desk is not empty.
 */
import type { Database } from '../core/database/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { DEMO_ACCOUNTS, DEMO_SLUG } from './seed-demo.ts';

export interface DemoAssisted {
  displayName: string;
  /** INSEE code of the commune (data/dijon-metropole-communes.geojson). */
  communeCode: string;
  /** Reference of the (invented) paper consent form. */
  consentRef: string;
  /** Days before the seeding that the form was signed. */
  signedDaysAgo: number;
}

export const DEMO_ASSISTED: readonly DemoAssisted[] = [
  { displayName: 'Georgette (accompagnée, démo)', communeCode: '21166', consentRef: 'CCAS-DEMO-2026-001', signedDaysAgo: 12 },
  { displayName: 'Lucien (accompagné, démo)', communeCode: '21617', consentRef: 'CCAS-DEMO-2026-002', signedDaysAgo: 5 },
];

const DEMO_MEDIATOR_EMAIL = DEMO_ACCOUNTS.find((a) => a.roles.includes('mediator'))!.email;

/** Adds the assisted residents when the demo territory has none yet (also on databases seeded before); returns how many. */
export async function ensureDemoAssisted(db: Database, now: Date): Promise<number> {
  const territory = await db.selectFrom('territories').select(['id', 'slug', 'name']).where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return 0;
  const mediator = await db
    .selectFrom('users as u')
    .innerJoin('territory_members as m', 'm.user_id', 'u.id')
    .select('u.id')
    .where('m.territory_id', '=', territory.id)
    .where('u.email', '=', DEMO_MEDIATOR_EMAIL)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!mediator) return 0;
  const existing = await db.selectFrom('assisted_accounts').select('user_id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (existing) return 0;
  await db.transaction().execute(async (trx) => {
    for (const person of DEMO_ASSISTED) {
      const user = await trx.insertInto('users').values({ email: null, password_hash: null, display_name: person.displayName, created_at: now, deleted_at: null }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('territory_members').values({ territory_id: territory.id, user_id: user.id, commune_code: person.communeCode, joined_at: now }).execute();
      await trx
        .insertInto('assisted_accounts')
        .values({
          territory_id: territory.id,
          user_id: user.id,
          created_by: mediator.id,
          consent_ref: person.consentRef,
          consent_at: new Date(now.getTime() - person.signedDaysAgo * 86_400_000),
          created_at: now,
        })
        .execute();
      await recordAudit(trx, {
        territoryId: territory.id,
        actorId: mediator.id,
        onBehalfOfId: user.id,
        action: 'mediation.assisted_created',
        subjectType: 'user',
        subjectId: user.id,
        reason: 'consent',
        details: { consentRef: person.consentRef, demo: true },
        at: now,
      });
    }
  });
  return DEMO_ASSISTED.length;
}
