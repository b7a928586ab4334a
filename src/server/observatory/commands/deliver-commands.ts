/**
 * @module Delivering commands: each approved command's targets are sent (an `observatory.command_sent` event that
 * the MQTT side turns into a QoS 1 message on the thing's command topic), sent again when no answer came within
 * the timeout, and marked failed once their attempts are spent; a sensitive command nobody approved expires. The
 * equipment answers (MQTT or HTTP with a `command` key); the command ends done, partly failed or failed, audited,
 * and its requester is told.
 */
import type { Executor } from '../../core/database/schema.ts';
import { inUnitOfWork, type Deps, type UnitOfWork } from '../../core/unit-of-work.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { recordAudit } from '../../audit/index.ts';
import { notify } from '../../notifications/index.ts';
import { APPROVAL_WINDOW_MS, COMMANDS, outcome, retryDecision, type CommandName, type TargetStatus } from './model.ts';

export interface DeliveryReport {
  sent: number;
  failed: number;
  finished: number;
  expired: number;
  mailed: number;
}

const FINISHED = {
  fr: (label: string, status: string) => ({ subject: `Commande ${status === 'done' ? 'exécutée' : status === 'expired' ? 'expirée' : 'en échec'} : ${label}`, text: status === 'done' ? `Tous les équipements ont confirmé « ${label} ».` : status === 'expired' ? `« ${label} » n’a pas été approuvée à temps et n’est pas partie.` : `« ${label} » n’a pas été confirmée par tous les équipements : voyez lesquels dans l’observatoire.` }),
  en: (label: string, status: string) => ({ subject: `Command ${status === 'done' ? 'carried out' : status === 'expired' ? 'expired' : 'failed'}: ${label}`, text: status === 'done' ? `Every piece of equipment confirmed “${label}”.` : status === 'expired' ? `“${label}” was not approved in time and did not leave.` : `“${label}” was not confirmed by every piece of equipment: see which in the observatory.` }),
};

/** Settles a command whose targets all answered or failed: its status, the audit entry, the requester told. */
async function settle(work: UnitOfWork, deps: Pick<Deps, 'clock' | 'config'>, commandId: string, report?: DeliveryReport): Promise<void> {
  const command = await work.db
    .selectFrom('observatory_commands as c')
    .innerJoin('territories as t', 't.id', 'c.territory_id')
    .select(['c.id', 'c.status', 'c.command', 'c.territory_id', 'c.requested_by', 't.slug'])
    .where('c.id', '=', commandId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (command.status !== 'approved') return;
  const targets = await work.db.selectFrom('observatory_command_targets').select('status').where('command_id', '=', commandId).execute();
  const status = outcome(targets.map((t) => t.status));
  if (status === 'approved') return;
  const now = deps.clock.now();
  await work.db.updateTable('observatory_commands').set({ status }).where('id', '=', commandId).execute();
  await recordAudit(work.db, { territoryId: command.territory_id, actorId: null, action: 'observatory.command_finished', subjectType: 'observatory_command', subjectId: commandId, details: { status, targets: targets.length, acknowledged: targets.filter((t) => t.status === 'acknowledged').length }, at: now });
  if (report) report.finished += 1;
  work.publish('observatory.command_changed', { territoryId: command.territory_id, commandId });
  if (!command.requested_by) return;
  const label = COMMANDS[command.command as CommandName]?.label ?? command.command;
  const sent = await notify(work.db, { territoryId: command.territory_id, userIds: [command.requested_by], kind: `observatory.command_${status}`, params: { commandId, label }, link: `/t/${command.slug}/observatoire`, mail: (l) => FINISHED[l](label, status) }, { now, publicUrl: deps.config.publicUrl });
  work.mailQueued(sent.mailed);
  if (report) report.mailed += sent.mailed;
}

/** One pass: expire unapproved sensitive commands, send or resend due targets, fail those out of attempts, settle. */
export async function deliverCommands(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, finished: 0, expired: 0, mailed: 0 };
  const now = deps.clock.now();
  const stale = await deps.db.selectFrom('observatory_commands').select(['id', 'territory_id', 'requested_by', 'command']).where('status', '=', 'awaiting_approval').where('requested_at', '<', new Date(now.getTime() - APPROVAL_WINDOW_MS)).execute();
  for (const c of stale) {
    await inUnitOfWork(deps, async (work) => {
      const done = await work.db.updateTable('observatory_commands').set({ status: 'expired', decided_at: now }).where('id', '=', c.id).where('status', '=', 'awaiting_approval').returning('id').executeTakeFirst();
      if (!done) return;
      await work.db.updateTable('observatory_command_targets').set({ status: 'cancelled' }).where('command_id', '=', c.id).execute();
      await recordAudit(work.db, { territoryId: c.territory_id, actorId: null, action: 'observatory.command_finished', subjectType: 'observatory_command', subjectId: c.id, details: { status: 'expired' }, at: now });
      report.expired += 1;
      work.publish('observatory.command_changed', { territoryId: c.territory_id, commandId: c.id });
    });
  }
  const due = await deps.db
    .selectFrom('observatory_command_targets as g')
    .innerJoin('observatory_commands as c', 'c.id', 'g.command_id')
    .innerJoin('observatory_things as t', 't.id', 'g.thing_id')
    .innerJoin('territories as te', 'te.id', 'c.territory_id')
    .select(['g.command_id', 'g.thing_id', 'g.status', 'g.attempts', 'g.last_sent_at', 'c.timeout_seconds', 'c.max_attempts', 'c.command', 'c.params', 'c.territory_id', 'te.slug', 't.entity_id'])
    .where('c.status', '=', 'approved')
    .where('g.status', 'in', ['waiting', 'sent'])
    .orderBy('g.command_id')
    .orderBy('g.thing_id')
    .execute();
  const touched = new Set<string>();
  for (const g of due) {
    const decision = retryDecision({ status: g.status, attempts: g.attempts, lastSentAt: g.last_sent_at ? new Date(g.last_sent_at).getTime() : null }, { timeoutSeconds: g.timeout_seconds, maxAttempts: g.max_attempts }, now.getTime());
    if (decision === 'wait') continue;
    await inUnitOfWork(deps, async (work) => {
      // Re-read under the row's lock: an answer may have come since.
      const current = await work.db.selectFrom('observatory_command_targets').select(['status', 'attempts']).where('command_id', '=', g.command_id).where('thing_id', '=', g.thing_id).forUpdate().executeTakeFirstOrThrow();
      if (current.status !== g.status || current.attempts !== g.attempts) return;
      if (decision === 'fail') {
        await work.db.updateTable('observatory_command_targets').set({ status: 'failed', failure: `No answer after ${g.attempts} ${g.attempts === 1 ? 'attempt' : 'attempts'} of ${g.timeout_seconds} s.` }).where('command_id', '=', g.command_id).where('thing_id', '=', g.thing_id).execute();
        report.failed += 1;
        touched.add(g.command_id);
        return;
      }
      await work.db.updateTable('observatory_command_targets').set({ status: 'sent', attempts: g.attempts + 1, last_sent_at: now }).where('command_id', '=', g.command_id).where('thing_id', '=', g.thing_id).execute();
      work.publish('observatory.command_sent', { territoryId: g.territory_id, territorySlug: g.slug, commandId: g.command_id, thingId: g.thing_id, entityId: g.entity_id, command: g.command, params: g.params as Record<string, number>, attempt: g.attempts + 1 });
      report.sent += 1;
    });
  }
  for (const commandId of touched) await inUnitOfWork(deps, (work) => settle(work, deps, commandId, report));
  return report;
}

/** The equipment's answer to a command (MQTT ack topic, or HTTP with a key of scope `command`). A second answer is refused. */
export async function answerCommand(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>, territory: { id: string }, input: { commandId: string; entityId: string; ok: boolean; result?: Record<string, unknown> | undefined }): Promise<{ status: TargetStatus }> {
  const now = deps.clock.now();
  return inUnitOfWork(deps, async (work) => {
    const target = await findTarget(work.db, territory.id, input.commandId, input.entityId);
    if (target.status === 'acknowledged' || target.status === 'rejected') throw new AppError('conflict', 'This thing already answered this command.', { reason: 'already_answered' });
    if (target.status !== 'sent') throw new AppError('conflict', 'This command was not sent to this thing, or no longer waits for its answer.', { reason: 'not_a_target' });
    const status: TargetStatus = input.ok ? 'acknowledged' : 'rejected';
    await work.db
      .updateTable('observatory_command_targets')
      .set({ status, answered_at: now, result: input.result ? JSON.stringify(input.result) : null, failure: input.ok ? null : 'The equipment refused the command.' })
      .where('command_id', '=', input.commandId)
      .where('thing_id', '=', target.thing_id)
      .execute();
    work.publish('observatory.command_changed', { territoryId: territory.id, commandId: input.commandId });
    await settle(work, deps, input.commandId);
    return { status };
  });
}

async function findTarget(db: Executor, territoryId: string, commandId: string, entityId: string) {
  const target = await db
    .selectFrom('observatory_command_targets as g')
    .innerJoin('observatory_commands as c', 'c.id', 'g.command_id')
    .innerJoin('observatory_things as t', 't.id', 'g.thing_id')
    .select(['g.thing_id', 'g.status'])
    .where('c.territory_id', '=', territoryId)
    .where('g.command_id', '=', commandId)
    .where('t.entity_id', '=', entityId)
    .forUpdate()
    .executeTakeFirst();
  if (!target) throw notFound('Command target');
  return target;
}
