/**
 * @module "I am fine": one check-in per local day (pressing again answers the same one), by the resident, or by a mediator
 * inside a session for an assisted resident with active consent (the button, or a phone call; audited). A check-in closes every open alert of the follow-up
 * — a late one included — and tells the referents, and the people on duty when it had escalated.
 */
import type { Viewer } from '../core/auth/sessions.ts';
import type { Executor } from '../core/database/schema.ts';
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireActingConsent } from '../mediation/index.ts';
import type { NotifyContext } from '../notifications/index.ts';
import type { TerritoryRef } from '../territories/index.ts';
import { requireSelf } from './access.ts';
import { sendCheckInNotice } from './deliver.ts';
import { today } from './schedule.ts';
import { activeReferentIds, displayNameOf, dutyIds, findEnrolmentOf, type EnrolmentRow } from './store.ts';
import type { CheckInChannel } from './tables.ts';
import type { CheckInAnswer } from './schemas.ts';

/** Closes the follow-up's open alerts as "checked in" and tells who was told of them. Returns mails queued. */
export async function resolveOpenAlerts(
  trx: Executor,
  territory: TerritoryRef,
  enrolment: EnrolmentRow,
  resolution: { kind: 'checked_in' } | { kind: 'all_well'; by: string; alertId: string },
  ctx: NotifyContext,
): Promise<{ resolved: number; mailed: number }> {
  let q = trx
    .updateTable('check_in_alerts')
    .set({ resolved_at: ctx.now, resolution: resolution.kind })
    .where('enrolment_id', '=', enrolment.id)
    .where('resolved_at', 'is', null);
  if (resolution.kind === 'all_well') q = q.where('id', '=', resolution.alertId);
  const closed = await q.returning(['id', 'escalated_at']).execute();
  if (closed.length === 0) return { resolved: 0, mailed: 0 };
  const resident = await displayNameOf(trx, enrolment.user_id);
  const params = { resident, resolution: resolution.kind, ...(resolution.kind === 'all_well' ? { by: await displayNameOf(trx, resolution.by) } : {}) };
  const skip = resolution.kind === 'all_well' ? resolution.by : null;
  const referents = (await activeReferentIds(trx, enrolment.id)).filter((id) => id !== skip);
  let mailed = await sendCheckInNotice(trx, { territory, residentId: enrolment.user_id, page: 'bonjour/referent' }, 'resolved', referents, params, ctx);
  if (closed.some((a) => a.escalated_at !== null)) {
    const duty = (await dutyIds(trx, territory.id)).filter((id) => id !== skip && id !== enrolment.user_id && !referents.includes(id));
    mailed += await sendCheckInNotice(trx, { territory, residentId: enrolment.user_id, page: 'bonjour/permanence', duty: true }, 'resolved', duty, params, ctx);
  }
  return { resolved: closed.length, mailed };
}

/**
 * Today's check-in of the viewer — or, for a mediator, of the assisted resident of their open session (`named` is the
 * resident a route names, which must be the session's): refused unless `requireActingConsent` allows it, before
 * anything is written. A check-in made for someone is audited `check_in.recorded_for` "by M on behalf of R".
 */
async function recordCheckIn(
  deps: Deps,
  territory: TerritoryRef,
  viewer: Viewer,
  entry: { channel: CheckInChannel; named?: string | undefined; requestId: string },
): Promise<CheckInAnswer> {
  const now = deps.clock.now();
  const date = today(now);
  const ctx = { now, publicUrl: deps.config.publicUrl };
  const residentId = viewer.userId;
  return inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const acting = viewer.mediatorId || entry.named !== undefined ? await requireActingConsent(trx, territory, viewer, now, entry.named) : null;
    const enrolment = await findEnrolmentOf(trx, territory.id, residentId, true);
    if (!enrolment) throw new AppError('not_found', 'No daily check-in follow-up here: enrol first.', { reason: 'not_enrolled' });
    const inserted = await trx
      .insertInto('check_ins')
      .values({ territory_id: territory.id, enrolment_id: enrolment.id, local_date: date, at: now, channel: entry.channel, recorded_by: acting?.mediatorId ?? null })
      .onConflict((oc) => oc.columns(['enrolment_id', 'local_date']).doNothing())
      .returning(['at', 'channel'])
      .executeTakeFirst();
    const kept = inserted ?? (await trx.selectFrom('check_ins').select(['at', 'channel']).where('enrolment_id', '=', enrolment.id).where('local_date', '=', date).executeTakeFirstOrThrow());
    const { resolved, mailed } = await resolveOpenAlerts(trx, territory, enrolment, { kind: 'checked_in' }, ctx);
    work.mailQueued(mailed);
    if (inserted && acting) {
      await recordAudit(trx, {
        territoryId: territory.id,
        ...auditActor(viewer),
        action: 'check_in.recorded_for',
        subjectType: 'check_in_enrolment',
        subjectId: enrolment.id,
        reason: entry.channel === 'phone' ? 'phone' : 'session',
        details: { channel: entry.channel, sessionId: acting.sessionId },
        requestId: entry.requestId,
        at: now,
      });
    }
    return { date, at: kept.at, channel: kept.channel, alreadyDone: !inserted, resolvedAlerts: resolved };
  });
}

/** The big button: the resident (or a mediator in a session for them, audited) says "I am fine" for today. */
export async function checkInToday(deps: Deps, { territory, viewer, requestId }: RequestScope): Promise<CheckInAnswer> {
  await requireSelf(deps.db, territory, viewer);
  return recordCheckIn(deps, territory, viewer!, { channel: 'button', requestId });
}

/** A mediator, inside a session for the assisted resident the route names, records their "I am fine" given on the phone. */
export async function recordPhoneCheckIn(deps: Deps, { territory, viewer, requestId }: RequestScope, input: { userId: string }): Promise<CheckInAnswer> {
  await requireSelf(deps.db, territory, viewer);
  return recordCheckIn(deps, territory, viewer!, { channel: 'phone', named: input.userId, requestId });
}
