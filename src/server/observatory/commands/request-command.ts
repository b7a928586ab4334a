/**
 * @module Commanders ask for a command to equipment with a reason (audited); a sensitive one waits for a second
 * commander's approval, and the other commanders are told; the requester is told of the decision. Retrying a
 * request with its idempotency key answers the same command.
 */
import type { Executor } from '../../core/database/schema.ts';
import type { RequestScope } from '../../core/http/scope.ts';
import { inUnitOfWork, type Deps, type UnitOfWork } from '../../core/unit-of-work.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { isUniqueViolation } from '../../core/database/errors.ts';
import { auditActor, recordAudit } from '../../audit/index.ts';
import { notify } from '../../notifications/index.ts';
import { memberIdsWithRoles, requireTerritoryRole } from '../../territories/index.ts';
import { checkParams, COMMANDS, type CommandName } from './model.ts';
import type { CommandBodyT, CommandT } from './schemas.ts';

export const COMMANDERS = ['commander'] as const;

export async function findCommand(db: Executor, territoryId: string, id: string): Promise<CommandT | null> {
  const row = await db
    .selectFrom('observatory_commands as c')
    .leftJoin('users as r', 'r.id', 'c.requested_by')
    .leftJoin('users as d', 'd.id', 'c.decided_by')
    .select(['c.id', 'c.command', 'c.params', 'c.reason', 'c.sensitive', 'c.status', 'c.requested_at', 'c.decided_at', 'c.decided_by', 'c.decision_note', 'c.timeout_seconds', 'c.max_attempts', 'r.display_name as requester', 'd.display_name as decider'])
    .where('c.territory_id', '=', territoryId)
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const targets = await db
    .selectFrom('observatory_command_targets as g')
    .innerJoin('observatory_things as t', 't.id', 'g.thing_id')
    .select(['g.thing_id', 't.entity_id', 't.name', 'g.status', 'g.attempts', 'g.last_sent_at', 'g.answered_at', 'g.failure'])
    .where('g.command_id', '=', id)
    .orderBy('g.thing_id')
    .execute();
  const command = row.command as CommandName;
  return {
    id: row.id,
    command,
    label: COMMANDS[command]?.label ?? row.command,
    params: row.params as Record<string, number>,
    reason: row.reason,
    sensitive: row.sensitive,
    status: row.status,
    requestedBy: row.requester,
    requestedAt: row.requested_at,
    decision: row.decided_at ? { by: row.decided_by ? row.decider : null, at: row.decided_at, approved: row.status !== 'refused' && row.status !== 'expired', note: row.decision_note } : null,
    timeoutSeconds: row.timeout_seconds,
    maxAttempts: row.max_attempts,
    targets: targets.map((g) => ({ thingId: g.thing_id, entityId: g.entity_id, name: g.name, status: g.status, attempts: g.attempts, lastSentAt: g.last_sent_at, answeredAt: g.answered_at, failure: g.failure })),
  };
}

const ASK = {
  fr: (label: string) => ({ subject: `Commande à approuver : ${label}`, text: `Une commande sensible attend l’approbation d’un second opérateur : ${label}. Elle expire sans réponse dans 15 minutes.` }),
  en: (label: string) => ({ subject: `Command to approve: ${label}`, text: `A sensitive command waits for a second operator’s approval: ${label}. It expires without an answer in 15 minutes.` }),
};
const DECIDED = {
  fr: (label: string, ok: boolean) => ({ subject: `${ok ? 'Commande approuvée' : 'Commande refusée'} : ${label}`, text: ok ? `Votre commande « ${label} » est approuvée et part vers les équipements.` : `Votre commande « ${label} » a été refusée.` }),
  en: (label: string, ok: boolean) => ({ subject: `${ok ? 'Command approved' : 'Command refused'}: ${label}`, text: ok ? `Your command “${label}” is approved and is on its way to the equipment.` : `Your command “${label}” was refused.` }),
};

async function tell(work: UnitOfWork, deps: Pick<Deps, 'clock' | 'config'>, territory: { id: string; slug: string }, userIds: string[], kind: string, commandId: string, label: string, mail: (locale: 'fr' | 'en') => { subject: string; text: string }): Promise<void> {
  if (userIds.length === 0) return;
  const sent = await notify(work.db, { territoryId: territory.id, userIds, kind, params: { commandId, label }, link: `/t/${territory.slug}/observatoire`, mail }, { now: deps.clock.now(), publicUrl: deps.config.publicUrl });
  work.mailQueued(sent.mailed);
}

export async function requestCommand(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>, scope: RequestScope, input: CommandBodyT): Promise<{ command: CommandT; created: boolean }> {
  const { territory, viewer, requestId } = scope;
  const actor = await requireTerritoryRole(deps.db, territory, viewer, COMMANDERS);
  const existing = await deps.db.selectFrom('observatory_commands').select('id').where('territory_id', '=', territory.id).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
  if (existing) return { command: (await findCommand(deps.db, territory.id, existing.id))!, created: false };
  const spec = COMMANDS[input.command];
  const params = input.params ?? {};
  const bad = checkParams(input.command, params);
  if (bad) throw new AppError('invalid', bad.detail, { field: bad.field, reason: 'bad_params' });
  const things = await deps.db.selectFrom('observatory_things').select(['id', 'type']).where('territory_id', '=', territory.id).where('id', 'in', input.thingIds).execute();
  for (const [i, id] of input.thingIds.entries()) {
    const thing = things.find((t) => t.id === id);
    if (!thing) throw new AppError('invalid', 'No such thing in this territory.', { field: `/thingIds/${i}`, reason: 'unknown_thing' });
    if (!(spec.types as readonly string[]).includes(thing.type)) throw new AppError('invalid', `${input.command} goes to ${spec.types.join(', ')}, not ${thing.type}.`, { field: `/thingIds/${i}`, reason: 'wrong_type' });
  }
  const now = deps.clock.now();
  try {
    const id = await inUnitOfWork(deps, async (work) => {
      const row = await work.db
        .insertInto('observatory_commands')
        .values({
          territory_id: territory.id, command: input.command, params: JSON.stringify(params), reason: input.reason.trim(), sensitive: spec.sensitive,
          status: spec.sensitive ? 'awaiting_approval' : 'approved', requested_by: actor.userId, requested_at: now, idempotency_key: input.idempotencyKey,
          timeout_seconds: input.timeoutSeconds ?? 30, max_attempts: input.maxAttempts ?? 3,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await work.db.insertInto('observatory_command_targets').values(input.thingIds.map((thingId) => ({ command_id: row.id, thing_id: thingId, status: 'waiting' as const }))).execute();
      await recordAudit(work.db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.command_requested', subjectType: 'observatory_command', subjectId: row.id, reason: input.reason.trim(), details: { command: input.command, params: params, things: input.thingIds, sensitive: spec.sensitive }, requestId, at: now });
      if (spec.sensitive) {
        const others = (await memberIdsWithRoles(work.db, territory.id, ['commander'])).filter((u) => u !== actor.userId);
        await tell(work, deps, territory, others, 'observatory.command_to_approve', row.id, spec.label, (l) => ASK[l](spec.label));
      } else {
        work.publish('observatory.command_due', { territoryId: territory.id, commandId: row.id });
      }
      return row.id;
    });
    return { command: (await findCommand(deps.db, territory.id, id))!, created: true };
  } catch (error) {
    // Two retries of the same request at once: the second finds the first's command.
    if (!isUniqueViolation(error)) throw error;
    const row = await deps.db.selectFrom('observatory_commands').select('id').where('territory_id', '=', territory.id).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
    return { command: (await findCommand(deps.db, territory.id, row.id))!, created: false };
  }
}

/** A second commander approves or refuses a sensitive command; never its requester. Audited; the requester is told. */
export async function decideCommand(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>, scope: RequestScope, input: { id: string; decision: 'approve' | 'refuse'; note?: string | undefined }): Promise<CommandT> {
  const { territory, viewer, requestId } = scope;
  const actor = await requireTerritoryRole(deps.db, territory, viewer, COMMANDERS);
  const now = deps.clock.now();
  await inUnitOfWork(deps, async (work) => {
    const current = await work.db.selectFrom('observatory_commands').select(['id', 'status', 'requested_by', 'command', 'decided_by']).where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Command');
    const approve = input.decision === 'approve';
    // The same decision again by the same person: answered unchanged.
    if (current.decided_by === actor.userId && current.status === (approve ? 'approved' : 'refused')) return;
    if (current.status !== 'awaiting_approval') throw new AppError('conflict', 'This command is not waiting for an approval.', { reason: 'not_awaiting' });
    if (current.requested_by === actor.userId) throw new AppError('forbidden', 'A second commander must decide: not the one who asked.', { reason: 'own_request' });
    const note = input.note?.trim() || null;
    await work.db.updateTable('observatory_commands').set({ status: approve ? 'approved' : 'refused', decided_by: actor.userId, decided_at: now, decision_note: note }).where('id', '=', input.id).execute();
    if (!approve) await work.db.updateTable('observatory_command_targets').set({ status: 'cancelled' }).where('command_id', '=', input.id).execute();
    await recordAudit(work.db, { territoryId: territory.id, ...auditActor(viewer!), action: approve ? 'observatory.command_approved' : 'observatory.command_refused', subjectType: 'observatory_command', subjectId: input.id, reason: note, details: { command: current.command }, requestId, at: now });
    const label = COMMANDS[current.command as CommandName]?.label ?? current.command;
    if (current.requested_by) await tell(work, deps, territory, [current.requested_by], approve ? 'observatory.command_approved' : 'observatory.command_refused', input.id, label, (l) => DECIDED[l](label, approve));
    if (approve) work.publish('observatory.command_due', { territoryId: territory.id, commandId: input.id });
  });
  return (await findCommand(deps.db, territory.id, input.id))!;
}

export async function listCommands(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<{ commands: CommandT[] }> {
  await requireTerritoryRole(deps.db, territory, viewer, ['operator', 'commander', 'admin']);
  const ids = await deps.db.selectFrom('observatory_commands').select('id').where('territory_id', '=', territory.id).orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(50).execute();
  const commands: CommandT[] = [];
  for (const { id } of ids) commands.push((await findCommand(deps.db, territory.id, id))!);
  return { commands };
}

export async function getCommand(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, id: string): Promise<CommandT> {
  await requireTerritoryRole(deps.db, territory, viewer, ['operator', 'commander', 'admin']);
  const command = await findCommand(deps.db, territory.id, id);
  if (!command) throw notFound('Command');
  return command;
}
