/** @module Operators and admins list, create, pause and rename the observatory's alert rules; each change is audited. */
import type { Selectable } from 'kysely';
import type { RequestScope } from '../../core/http/scope.ts';
import { inUnitOfWork, type Deps } from '../../core/unit-of-work.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { auditActor, recordAudit } from '../../audit/index.ts';
import { requireTerritoryRole } from '../../territories/index.ts';
import { OBSERVATORY_STAFF } from './alerts.ts';
import type { AlertRuleBodyT, AlertRulePatchT, AlertRuleT, RuleConditionT } from './schemas.ts';
import type { ObservatoryAlertRulesTable } from './tables.ts';

export function presentRule(row: Selectable<ObservatoryAlertRulesTable>): AlertRuleT {
  return { id: row.id, name: row.name, thingType: row.thing_type, thingId: row.thing_id, condition: row.rule as RuleConditionT, severity: row.severity, active: row.active, createdAt: row.created_at };
}

export async function listAlertRules(deps: Pick<Deps, 'db'>, { territory, viewer }: RequestScope): Promise<{ rules: AlertRuleT[] }> {
  await requireTerritoryRole(deps.db, territory, viewer, OBSERVATORY_STAFF);
  const rows = await deps.db.selectFrom('observatory_alert_rules').selectAll().where('territory_id', '=', territory.id).orderBy('active', 'desc').orderBy('name').orderBy('id').execute();
  return { rules: rows.map(presentRule) };
}

export async function createAlertRule(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: AlertRuleBodyT): Promise<AlertRuleT> {
  const actor = await requireTerritoryRole(deps.db, territory, viewer, OBSERVATORY_STAFF);
  if ((input.thingType === undefined) === (input.thingId === undefined)) {
    throw new AppError('invalid', 'Give either a type of thing or one thing, not both.', { field: input.thingId === undefined ? '/thingType' : '/thingId', reason: 'rule_target' });
  }
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    if (input.thingId !== undefined) {
      const thing = await db.selectFrom('observatory_things').select('id').where('territory_id', '=', territory.id).where('id', '=', input.thingId).executeTakeFirst();
      if (!thing) throw new AppError('invalid', 'No such thing in this territory.', { field: '/thingId', reason: 'unknown_thing' });
    }
    const row = await db
      .insertInto('observatory_alert_rules')
      .values({ territory_id: territory.id, name: input.name.trim(), thing_type: input.thingType ?? null, thing_id: input.thingId ?? null, rule: JSON.stringify(input.condition), severity: input.severity ?? 'warning', created_by: actor.userId, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.rule_created', subjectType: 'observatory_alert_rule', subjectId: row.id, details: { name: row.name, condition: input.condition }, requestId, at: now });
    return presentRule(row);
  });
}

export async function updateAlertRule(deps: Pick<Deps, 'db' | 'clock'>, { territory, viewer, requestId }: RequestScope, input: AlertRulePatchT & { id: string }): Promise<AlertRuleT> {
  await requireTerritoryRole(deps.db, territory, viewer, OBSERVATORY_STAFF);
  const now = deps.clock.now();
  return inUnitOfWork(deps, async ({ db }) => {
    const current = await db.selectFrom('observatory_alert_rules').selectAll().where('territory_id', '=', territory.id).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Alert rule');
    const next = { name: input.name?.trim() ?? current.name, severity: input.severity ?? current.severity, active: input.active ?? current.active };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]);
    if (changed.length === 0) return presentRule(current);
    const row = await db.updateTable('observatory_alert_rules').set({ ...next, updated_at: now }).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(db, { territoryId: territory.id, ...auditActor(viewer!), action: 'observatory.rule_changed', subjectType: 'observatory_alert_rule', subjectId: input.id, details: { changed }, requestId, at: now });
    return presentRule(row);
  });
}
