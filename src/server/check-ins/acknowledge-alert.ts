/**
 * @module A referent — or someone on duty once it escalated — answers an alert: "I am calling / going by" stops the
 * escalation; "all is well" closes it. An optional short note is practical only, never health details. Others who were
 * told are told who took it on.
 */
import type { RequestScope } from '../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../core/unit-of-work.ts';
import { AppError, notFound } from '../core/errors.ts';
import { auditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { requireResident } from '../territories/index.ts';
import { isDuty } from './access.ts';
import { resolveOpenAlerts } from './check-in.ts';
import { sendCheckInNotice } from './deliver.ts';
import { activeReferentIds, displayNameOf, dutyIds, findEnrolment, isActiveReferent } from './store.ts';
import type { AcknowledgementAction } from './tables.ts';
import { parseNote } from './validate.ts';

export async function acknowledgeAlert(
  deps: Deps,
  { territory, viewer, requestId }: RequestScope,
  input: { alertId: string; action: AcknowledgementAction; note?: string | undefined },
): Promise<{ status: 'acknowledged' | 'resolved' }> {
  const actor = await requireResident(deps.db, territory, viewer);
  const note = parseNote(input.note);
  const now = deps.clock.now();
  const ctx = { now, publicUrl: deps.config.publicUrl };
  return inUnitOfWork(deps, async (work) => {
    const trx = work.db;
    const alert = await trx.selectFrom('check_in_alerts').selectAll().where('territory_id', '=', territory.id).where('id', '=', input.alertId).forUpdate().executeTakeFirst();
    const enrolment = alert ? await findEnrolment(trx, territory.id, alert.enrolment_id) : undefined;
    if (!alert || !enrolment) throw notFound('Alert');
    let role: 'referent' | 'duty';
    if (await isActiveReferent(trx, enrolment.id, actor.userId)) role = 'referent';
    else if (isDuty(actor) && alert.escalated_at !== null) role = 'duty';
    else if (enrolment.user_id === actor.userId) throw new AppError('forbidden', 'Press “I am fine” to close your own alert.', { reason: 'use_check_in' });
    else throw notFound('Alert');
    if (alert.resolved_at !== null) throw new AppError('conflict', 'This alert is already closed.', { reason: 'alert_closed' });
    await trx.insertInto('check_in_acknowledgements').values({ territory_id: territory.id, alert_id: alert.id, user_id: actor.userId, role, action: input.action, note, at: now }).execute();
    if (alert.acknowledged_at === null) await trx.updateTable('check_in_alerts').set({ acknowledged_at: now }).where('id', '=', alert.id).execute();
    await recordAudit(trx, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: 'check_in.alert_acknowledged',
      subjectType: 'check_in_alert',
      subjectId: alert.id,
      reason: role,
      details: { action: input.action },
      requestId,
      at: now,
    });
    if (input.action === 'all_well') {
      const { mailed } = await resolveOpenAlerts(trx, territory, enrolment, { kind: 'all_well', by: actor.userId, alertId: alert.id }, ctx);
      work.mailQueued(mailed);
      return { status: 'resolved' as const };
    }
    const params = { resident: await displayNameOf(trx, enrolment.user_id), by: await displayNameOf(trx, actor.userId), action: input.action };
    const referents = (await activeReferentIds(trx, enrolment.id)).filter((id) => id !== actor.userId);
    work.mailQueued(await sendCheckInNotice(trx, { territory, residentId: enrolment.user_id, page: 'bonjour/referent' }, 'acknowledged', referents, params, ctx));
    if (alert.escalated_at !== null) {
      const duty = (await dutyIds(trx, territory.id)).filter((id) => id !== actor.userId && id !== enrolment.user_id && !referents.includes(id));
      work.mailQueued(await sendCheckInNotice(trx, { territory, residentId: enrolment.user_id, page: 'bonjour/permanence', duty: true }, 'acknowledged', duty, params, ctx));
    }
    return { status: 'acknowledged' as const };
  });
}
