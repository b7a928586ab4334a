/**
 * @module The observatory's alerts for operators: the list (live ones first), acknowledge and resolve with who
 * and when (audited), and the count the home page's to-do list shows. An alert is opened and closed by the
 * evaluation job (`evaluate-alerts.ts`); a person only acknowledges or resolves it.
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/database/schema.ts';
import type { RequestScope } from '../../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../../core/unit-of-work.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { auditActor, recordAudit } from '../../audit/index.ts';
import { requireTerritoryRole } from '../../territories/index.ts';
import { nextStatus } from './rules.ts';
import type { AlertListQueryT, AlertListT, AlertT, RuleConditionT } from './schemas.ts';

export const OBSERVATORY_STAFF = ['operator', 'admin'] as const;

function alertQuery(db: Executor, territoryId: string) {
  return db
    .selectFrom('observatory_alerts as a')
    .innerJoin('observatory_alert_rules as r', 'r.id', 'a.rule_id')
    .innerJoin('observatory_things as t', 't.id', 'a.thing_id')
    .leftJoin('users as ack', 'ack.id', 'a.acknowledged_by')
    .leftJoin('users as res', 'res.id', 'a.resolved_by')
    .select([
      'a.id', 'a.status', 'a.since', 'a.observed', 'a.expected', 'a.opened_at', 'a.acknowledged_at', 'a.resolved_at', 'a.resolved_by', 'a.note',
      'r.id as rule_id', 'r.name as rule_name', 'r.rule', 'r.severity',
      't.id as thing_id', 't.entity_id', 't.type', 't.name as thing_name', 't.owner_service', 't.lat', 't.lon',
      'ack.display_name as ack_name', 'res.display_name as res_name',
    ])
    .where('a.territory_id', '=', territoryId);
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof alertQuery>['execute']>>[number];

function present(row: AlertRow): AlertT {
  return {
    id: row.id,
    status: row.status,
    severity: row.severity,
    rule: { id: row.rule_id, name: row.rule_name, condition: row.rule as RuleConditionT },
    thing: { id: row.thing_id, entityId: row.entity_id, type: row.type, name: row.thing_name, ownerService: row.owner_service, lat: row.lat, lon: row.lon },
    since: row.since,
    observed: row.observed,
    expected: row.expected,
    openedAt: row.opened_at,
    acknowledged: row.acknowledged_at ? { by: row.ack_name ?? null, at: row.acknowledged_at } : null,
    resolved: row.resolved_at ? { by: row.resolved_by ? (row.res_name ?? null) : null, at: row.resolved_at } : null,
    note: row.note,
  };
}

export async function countLiveAlerts(db: Executor, territoryId: string): Promise<{ open: number; acknowledged: number }> {
  const rows = await db
    .selectFrom('observatory_alerts')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .where('territory_id', '=', territoryId)
    .where('status', '<>', 'resolved')
    .groupBy('status')
    .execute();
  return { open: rows.find((r) => r.status === 'open')?.n ?? 0, acknowledged: rows.find((r) => r.status === 'acknowledged')?.n ?? 0 };
}

/** The alerts still to handle (open ones not yet acknowledged), for the home page's to-do list. */
export async function countOpenObservatoryAlerts(db: Executor, territoryId: string): Promise<number> {
  return (await countLiveAlerts(db, territoryId)).open;
}

export async function listAlerts(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, query: AlertListQueryT): Promise<AlertListT> {
  await requireTerritoryRole(deps.db, territory, viewer, OBSERVATORY_STAFF);
  const status = query.status ?? 'live';
  let q = alertQuery(deps.db, territory.id);
  q = status === 'live' ? q.where('a.status', '<>', 'resolved') : q.where('a.status', '=', status);
  const rows = await q
    .orderBy(sql`case r.severity when 'critical' then 0 when 'warning' then 1 else 2 end`)
    .orderBy('a.opened_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit ?? 50)
    .execute();
  return { alerts: rows.map(present), counts: await countLiveAlerts(deps.db, territory.id) };
}

export async function getAlert(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope, id: string): Promise<AlertT> {
  await requireTerritoryRole(deps.db, territory, viewer, OBSERVATORY_STAFF);
  const row = await alertQuery(deps.db, territory.id).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alert');
  return present(row);
}

/**
 * An operator acknowledges an open alert or resolves a live one (with an optional note); audited. Doing it
 * again is harmless: acknowledging an acknowledged alert, or resolving a resolved one, answers it unchanged.
 */
export async function handleAlert(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>, scope: RequestScope, input: { id: string; action: 'acknowledge' | 'resolve'; note?: string | undefined }): Promise<AlertT> {
  const { territory, viewer, requestId } = scope;
  const actor = await requireTerritoryRole(deps.db, territory, viewer, OBSERVATORY_STAFF);
  const now = deps.clock.now();
  await inUnitOfWork(deps, async (work) => {
    const current = await work.db.selectFrom('observatory_alerts').select(['id', 'status']).where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Alert');
    const status = current.status;
    const next = nextStatus(status, input.action);
    if (next === null) {
      const repeated = (input.action === 'acknowledge' && status === 'acknowledged') || (input.action === 'resolve' && status === 'resolved');
      if (repeated) return;
      throw new AppError('conflict', 'This alert is already resolved.', { reason: 'already_resolved' });
    }
    const note = input.note?.trim() || null;
    await work.db
      .updateTable('observatory_alerts')
      .set(next === 'acknowledged' ? { status: next, acknowledged_by: actor.userId, acknowledged_at: now } : { status: next, resolved_by: actor.userId, resolved_at: now, ...(note ? { note } : {}) })
      .where('id', '=', input.id)
      .execute();
    await recordAudit(work.db, {
      territoryId: territory.id,
      ...auditActor(viewer!),
      action: next === 'acknowledged' ? 'observatory.alert_acknowledged' : 'observatory.alert_resolved',
      subjectType: 'observatory_alert',
      subjectId: input.id,
      details: note ? { note } : {},
      requestId,
      at: now,
    });
    work.publish('observatory.alert_changed', { territoryId: territory.id, alertId: input.id });
  });
  return getAlert(deps, scope, input.id);
}
