/**
 * @module The commitments job: after the deadline, the failure notice (once); a nudge to the creator when signing
 * stalls (once per stall); after the action period, "did you do it?" to every signer (once). Idempotent: each
 * decision is stored under the commitment's row lock with the notices it sends, so two sweeps never repeat one.
 */
import { sql } from 'kysely';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import type { NotifyContext } from '../notifications/index.ts';
import { sendNotice, signersAndCreator } from './deliver.ts';
import { statusAt } from './lifecycle.ts';
import { notificationsAt, shouldNudgeCreator, STALL_QUIET_MS } from './notifications.ts';
import { loadCommitment } from './store.ts';

export interface SweepReport {
  /** Commitments looked at. */
  examined: number;
  failed: number;
  nudged: number;
  checksAsked: number;
  mailed: number;
}

/** Candidates per run; the next run takes the rest. */
const BATCH = 500;

/** A job, no request: `(deps, now)`. Each commitment is decided in its own unit of work; its mails wake the dispatcher after that commit. */
export async function sweepCommitments(deps: Pick<Deps, 'db' | 'config' | 'bus'>, now: Date): Promise<SweepReport> {
  const report: SweepReport = { examined: 0, failed: 0, nudged: 0, checksAsked: 0, mailed: 0 };
  const quietSince = new Date(now.getTime() - STALL_QUIET_MS);
  const candidates = await deps.db
    .selectFrom('commitments as c')
    .innerJoin('territories as t', 't.id', 'c.territory_id')
    .select(['c.id', 'c.territory_id', 't.slug'])
    .where((eb) =>
      eb.or([
        // Past the deadline, neither success nor failure sent yet: it may have failed.
        eb.and([eb('c.signing_deadline', '<', now), sql<boolean>`not ('failed' = any(c.fired) or 'succeeded' = any(c.fired))`]),
        // Still collecting, open for a week at least: it may have stalled.
        eb.and([eb('c.signing_deadline', '>=', now), eb('c.created_at', '<=', quietSince), sql<boolean>`not ('succeeded' = any(c.fired))`]),
        // Over, reached, not asked yet: "did you do it?".
        eb.and([eb('c.action_end', '<=', now), eb('c.check_asked_at', 'is', null), sql<boolean>`'succeeded' = any(c.fired)`]),
      ]),
    )
    .orderBy('c.id')
    .limit(BATCH)
    .execute();
  const ctx: NotifyContext = { now, publicUrl: deps.config.publicUrl };
  for (const candidate of candidates) {
    report.examined += 1;
    await inUnitOfWork(deps, async (work) => {
      const trx = work.db;
      let mailed = 0;
      const { row, state } = await loadCommitment(trx, candidate.territory_id, candidate.id, true);
      const target = { territory: { id: candidate.territory_id, slug: candidate.slug }, row, state };
      const deadline = notificationsAt(state, now);
      if (deadline.notify.includes('failed')) {
        await trx.updateTable('commitments').set({ fired: [...deadline.state.fired] }).where('id', '=', row.id).execute();
        mailed += (await sendNotice(trx, target, 'failed', signersAndCreator(target), ctx)).mailed;
        report.failed += 1;
      }
      if (row.created_by && shouldNudgeCreator(state, now, row.last_nudged_at)) {
        await trx.updateTable('commitments').set({ last_nudged_at: now }).where('id', '=', row.id).execute();
        mailed += (await sendNotice(trx, target, 'stalled', [row.created_by], ctx)).mailed;
        report.nudged += 1;
      }
      if (row.check_asked_at === null && statusAt(state.commitment, state.signatures, now) === 'completed') {
        await trx.updateTable('commitments').set({ check_asked_at: now }).where('id', '=', row.id).execute();
        mailed += (await sendNotice(trx, target, 'check_due', state.signatures.map((s) => s.signerId), ctx)).mailed;
        report.checksAsked += 1;
      }
      work.mailQueued(mailed);
      report.mailed += mailed;
    });
  }
  return report;
}
