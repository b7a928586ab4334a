/**
 * @module The demo territory's running incentive campaign: invented, labelled « démo », launched like any other
 * (funded through the ledger, audited) and settled over the synthetic gestures, so wallets and shops have a history.
 */
import type { Database } from '../core/database/schema.ts';
import { localDate } from '../core/time-of-day.ts';
import { recordAudit } from '../audit/index.ts';
import { maxPerPersonPerDay, maxPerPersonPerMonth, minProofClass, onlyKinds, onWeekdays, perGesture, timeWindowBonus } from '../incentives/index.ts';
import { checkCampaignInput, type CampaignInput } from '../incentives/index.ts';
import { budgetAccount, fundingAccount } from '../incentives/index.ts';
import { postTransaction } from '../incentives/index.ts';
import { settleCampaign } from '../incentives/index.ts';
import { DEMO_SLUG } from './seed-demo.ts';

const DAY = 86_400_000;

/** Weekday carpools and shifts: 0.50 € each, 0.30 € more for a departure on the peak's early shoulder, capped. */
export function demoCampaign(now: Date): CampaignInput {
  return {
    name: 'Heures creuses et covoiturage, automne (démo)',
    mode: 'payout',
    startsOn: localDate(new Date(now.getTime() - 28 * DAY)),
    endsOn: localDate(new Date(now.getTime() + 56 * DAY)),
    budgetCents: 150_000,
    rules: [
      onlyKinds('carpool', 'shift'),
      minProofClass('B'),
      onWeekdays(1, 2, 3, 4, 5),
      perGesture(50),
      timeWindowBonus(6 * 60 + 30, 7 * 60 + 15, 30),
      maxPerPersonPerDay(200),
      maxPerPersonPerMonth(2_000),
    ],
  };
}

/** Launches the demo campaign once (when the demo territory has no campaign) and pays what is due; returns the cents paid. */
export async function ensureDemoCampaign(db: Database, now: Date): Promise<number | null> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return null;
  const any = await db.selectFrom('campaigns').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst();
  if (any) return null;
  const input = checkCampaignInput(demoCampaign(now));
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('campaigns')
      .values({
        territory_id: territory.id,
        name: input.name,
        mode: input.mode,
        status: 'active',
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        budget_cents: input.budgetCents,
        rules: JSON.stringify(input.rules),
        launched_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await postTransaction(trx, {
      territoryId: territory.id,
      key: `fund:${row.id}`,
      kind: 'fund',
      entries: [{ account: fundingAccount(territory.id), cents: -input.budgetCents }, { account: budgetAccount(row.id), cents: input.budgetCents }],
      memo: { campaignId: row.id },
    });
    await recordAudit(trx, {
      territoryId: territory.id,
      actorId: null,
      action: 'campaign.launched',
      subjectType: 'campaign',
      subjectId: row.id,
      details: { budgetCents: input.budgetCents, mode: input.mode, startsOn: input.startsOn, endsOn: input.endsOn, demo: true },
      requestId: null,
    });
    return row.id;
  });
  const settled = await settleCampaign({ db, clock: { now: () => now } }, territory.id, id);
  return settled.paidCents;
}
