/**
 * @module The demo territory's conditional commitments, one at every stage: collecting (a few signatures), close to its
 * threshold (12 more and it binds; launched and signed by the demo resident), succeeded (target reached, signing still
 * open), active (in its action period, its signers' matching gestures counted automatically), completed (with a kept
 * rate from the "did you do it?" answers) and failed (deadline passed below the threshold). Signers are the demo's
 * synthetic residents, chosen and dated deterministically; every wording is invented. Added once.
 */
import type { Database, Transaction } from '../core/database/schema.ts';
import { localDate, localInstant } from '../core/time-of-day.ts';
import { DEMO_ACCOUNTS, DEMO_SLUG } from './seed-demo.ts';

type Action = 'carpool' | 'shift' | 'mode_switch' | 'help' | 'free_text';
type Stage = 'collecting' | 'close' | 'succeeded' | 'active' | 'completed' | 'failed';

interface DemoCommitment {
  stage: Stage;
  wording: string;
  action: Action;
  target: number;
  signers: number;
  /** Days from today (Paris): launch, the last signing day, the action's first and last days. */
  launched: number;
  lastSigningDay: number;
  actionFrom: number;
  actionTo: number;
  creator: 'resident' | 'organiser';
  /** The demo resident signs it too. */
  heleneSigns?: boolean;
  /** Completed only: how many signers answered "did you do it?", and how many said yes. */
  answers?: { answered: number; kept: number };
}

export const DEMO_COMMITMENTS: readonly DemoCommitment[] = [
  { stage: 'collecting', wording: 'Je viens au travail à vélo le jeudi si 30 habitants de la métropole le font aussi.', action: 'mode_switch', target: 30, signers: 4, launched: -3, lastSigningDay: 20, actionFrom: 21, actionTo: 50, creator: 'organiser' },
  { stage: 'close', wording: 'Je covoiture vers la zone Cap Nord le mardi si 40 voisins le font aussi.', action: 'carpool', target: 40, signers: 28, launched: -12, lastSigningDay: 6, actionFrom: 7, actionTo: 40, creator: 'resident', heleneSigns: true },
  { stage: 'succeeded', wording: 'J’aide un voisin à faire ses courses une fois par semaine cet hiver si 10 autres le font aussi.', action: 'help', target: 10, signers: 12, launched: -10, lastSigningDay: 3, actionFrom: 4, actionTo: 60, creator: 'organiser' },
  { stage: 'active', wording: 'Je laisse la voiture au garage deux jours par semaine si 12 autres habitants le font aussi.', action: 'mode_switch', target: 12, signers: 15, launched: -30, lastSigningDay: -10, actionFrom: -9, actionTo: 20, creator: 'organiser', heleneSigns: true },
  { stage: 'completed', wording: 'Je prends le tram plutôt que la voiture pour aller au marché si 20 autres le font aussi.', action: 'free_text', target: 20, signers: 24, launched: -70, lastSigningDay: -45, actionFrom: -44, actionTo: -6, creator: 'organiser', heleneSigns: true, answers: { answered: 20, kept: 14 } },
  { stage: 'failed', wording: 'Je pars avant 7 h 30 sur la Rocade le lundi si 25 conducteurs le font aussi.', action: 'free_text', target: 25, signers: 9, launched: -20, lastSigningDay: -3, actionFrom: -2, actionTo: 25, creator: 'organiser' },
];

const DAY_MS = 86_400_000;
const MAX_SIGNERS = Math.max(...DEMO_COMMITMENTS.map((c) => c.signers));

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The milestones a commitment has already sent, as the signatures that reached them would have fired them. */
function firedOf(c: DemoCommitment, signed: number): string[] {
  const fired: string[] = [];
  if (100 * signed >= 33 * c.target) fired.push('progress_33');
  if (100 * signed >= 66 * c.target) fired.push('progress_66');
  if (signed >= c.target) fired.push('succeeded');
  if (c.stage === 'failed') fired.push('failed');
  return fired;
}

async function accountId(trx: Transaction, territoryId: string, note: string): Promise<string | null> {
  const email = DEMO_ACCOUNTS.find((a) => a.note.startsWith(note))?.email;
  if (!email) return null;
  const row = await trx.selectFrom('users as u').innerJoin('territory_members as m', 'm.user_id', 'u.id').select('u.id').where('m.territory_id', '=', territoryId).where('u.email', '=', email).executeTakeFirst();
  return row?.id ?? null;
}

/** Seeds the demo commitments when the demo territory has none; returns how many were added. */
export async function ensureDemoCommitments(db: Database, now: Date): Promise<number> {
  const territory = await db.selectFrom('territories').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (!territory) return 0;
  if (await db.selectFrom('commitments').select('id').where('territory_id', '=', territory.id).limit(1).executeTakeFirst()) return 0;
  const synthetic = await db
    .selectFrom('users as u')
    .innerJoin('territory_members as m', 'm.user_id', 'u.id')
    .select('u.id')
    .where('m.territory_id', '=', territory.id)
    .where('u.synthetic', '=', true)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.id')
    .limit(4 * MAX_SIGNERS)
    .execute();
  if (synthetic.length < MAX_SIGNERS) return 0;
  const today = localDate(now);
  const midnight = (days: number) => localInstant(addDays(today, days), 0);
  await db.transaction().execute(async (trx) => {
    const helene = await accountId(trx, territory.id, 'resident');
    const omar = await accountId(trx, territory.id, 'organiser');
    for (const [index, c] of DEMO_COMMITMENTS.entries()) {
      const createdAt = new Date(midnight(c.launched).getTime() + 9 * 3_600_000);
      const deadline = midnight(c.lastSigningDay + 1);
      const actionStart = midnight(c.actionFrom);
      const actionEnd = midnight(c.actionTo + 1);
      const creator = c.creator === 'resident' ? helene : omar;
      // Each commitment starts at a different resident, so the signers differ from one commitment to the next.
      const offset = (index * 7) % synthetic.length;
      const people = [...synthetic.slice(offset), ...synthetic.slice(0, offset)].map((s) => s.id).filter((id) => id !== helene).slice(0, c.signers - (c.heleneSigns && helene ? 1 : 0));
      if (c.heleneSigns && helene) people.push(helene);
      const signedUntil = Math.min(now.getTime() - 3_600_000, deadline.getTime() - 3_600_000);
      const row = await trx
        .insertInto('commitments')
        .values({
          territory_id: territory.id,
          created_by: creator,
          wording: c.wording,
          action: c.action,
          scope: JSON.stringify({ kind: 'territory', target: { kind: 'count', count: c.target } }),
          community_id: null,
          corridor_id: null,
          created_at: createdAt,
          signing_deadline: deadline,
          action_start: actionStart,
          action_end: actionEnd,
          fired: firedOf(c, people.length),
          // A completed one has been asked "did you do it?" already; the sweep asks nobody again.
          check_asked_at: c.stage === 'completed' ? new Date(actionEnd.getTime() + 3_600_000) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const span = signedUntil - createdAt.getTime();
      await trx
        .insertInto('commitment_signatures')
        .values(
          people.map((userId, i) => {
            const answered = c.answers !== undefined && i < c.answers.answered;
            return {
              territory_id: territory.id,
              commitment_id: row.id,
              user_id: userId,
              commune_code: null,
              public_name: i % 3 === 0,
              signed_at: new Date(createdAt.getTime() + Math.round(((i + 1) * span) / (people.length + 1))),
              kept: answered ? i < c.answers!.kept : null,
              checked_at: answered ? new Date(actionEnd.getTime() + (2 + i) * 3_600_000) : null,
            };
          }),
        )
        .execute();
    }
  });
  return DEMO_COMMITMENTS.length;
}
