/**
 * @module The alert evaluation job: every active rule against every thing it watches. A rule that fires opens
 * an alert (one live alert per rule and thing; the operators are told, in-app and by their mail preference);
 * while it keeps firing its figures are refreshed; when its condition clears the alert resolves by itself
 * (`resolved_by` null). A rule on readings that stopped coming clears too: silence is its own rule.
 * Idempotent: a run cut short and run again finds the same live alerts under their unique index.
 */
import type { Executor } from '../../core/database/schema.ts';
import { inUnitOfWork, type Deps } from '../../core/unit-of-work.ts';
import { notify } from '../../notifications/index.ts';
import { memberIdsWithRoles } from '../../territories/index.ts';
import type { Point } from './baseline.ts';
import { evaluateRule, STALE_AFTER_MINUTES, type AlertRule } from './rules.ts';

const MIN = 60_000;
const BASELINE_WEEKS = 4;

export interface EvaluationReport {
  rules: number;
  checked: number;
  opened: number;
  resolved: number;
  mailed: number;
}

/** How far back a rule needs raw readings. */
function lookbackMinutes(rule: AlertRule): number {
  switch (rule.kind) {
    case 'threshold': return rule.forMinutes + STALE_AFTER_MINUTES + 15;
    case 'rate': return rule.withinMinutes + 1;
    case 'anomaly': return Math.max(rule.forMinutes, STALE_AFTER_MINUTES) + 15;
    case 'silence': return 0;
  }
}

async function seriesOf(db: Executor, thingIds: string[], attribute: string, from: Date, to: Date): Promise<Map<string, Point[]>> {
  const rows = await db
    .selectFrom('observatory_readings')
    .select(['thing_id', 'observed_at', 'value'])
    .where('thing_id', 'in', thingIds)
    .where('attribute', '=', attribute)
    .where('observed_at', '>=', from)
    .where('observed_at', '<=', to)
    .where('value', 'is not', null)
    .orderBy('thing_id')
    .orderBy('observed_at')
    .execute();
  const byThing = new Map<string, Point[]>();
  for (const r of rows) {
    const list = byThing.get(r.thing_id) ?? [];
    list.push({ at: new Date(r.observed_at).getTime(), value: r.value! });
    byThing.set(r.thing_id, list);
  }
  return byThing;
}

/** Hourly means over the past weeks (from the rollups), placed at each hour's middle: the anomaly baseline's history. */
async function hourlyHistory(db: Executor, thingIds: string[], attribute: string, now: Date): Promise<Map<string, Point[]>> {
  const rows = await db
    .selectFrom('observatory_rollups')
    .select(['thing_id', 'bucket_start', 'sum', 'n'])
    .where('thing_id', 'in', thingIds)
    .where('attribute', '=', attribute)
    .where('bucket', '=', '1h')
    .where('bucket_start', '>=', new Date(now.getTime() - (BASELINE_WEEKS * 7 + 1) * 24 * 60 * MIN))
    .orderBy('thing_id')
    .orderBy('bucket_start')
    .execute();
  const byThing = new Map<string, Point[]>();
  for (const r of rows) {
    const list = byThing.get(r.thing_id) ?? [];
    list.push({ at: new Date(r.bucket_start).getTime() + 30 * MIN, value: r.sum / r.n });
    byThing.set(r.thing_id, list);
  }
  return byThing;
}

const MAIL = {
  fr: (rule: string, thing: string) => ({ subject: `Alerte de l’observatoire : ${rule}`, text: `La règle « ${rule} » s’est déclenchée pour ${thing}. Prenez-la en charge depuis l’observatoire.` }),
  en: (rule: string, thing: string) => ({ subject: `Observatory alert: ${rule}`, text: `The rule “${rule}” fired for ${thing}. Acknowledge it from the observatory.` }),
};

export async function evaluateAlerts(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'bus'>): Promise<EvaluationReport> {
  const now = deps.clock.now();
  const report: EvaluationReport = { rules: 0, checked: 0, opened: 0, resolved: 0, mailed: 0 };
  const rules = await deps.db
    .selectFrom('observatory_alert_rules as r')
    .innerJoin('territories as te', 'te.id', 'r.territory_id')
    .select(['r.id', 'r.territory_id', 'r.name', 'r.thing_type', 'r.thing_id', 'r.rule', 'te.slug'])
    .where('r.active', '=', true)
    .orderBy('r.id')
    .execute();
  for (const r of rules) {
    report.rules += 1;
    const rule = r.rule as AlertRule;
    let thingsQuery = deps.db.selectFrom('observatory_things').select(['id', 'entity_id', 'name', 'last_seen_at']).where('territory_id', '=', r.territory_id);
    thingsQuery = r.thing_id ? thingsQuery.where('id', '=', r.thing_id) : thingsQuery.where('type', '=', r.thing_type!);
    const things = await thingsQuery.orderBy('id').execute();
    if (things.length === 0) continue;
    const ids = things.map((t) => t.id);
    const series = rule.kind === 'silence' ? new Map<string, Point[]>() : await seriesOf(deps.db, ids, rule.attribute, new Date(now.getTime() - lookbackMinutes(rule) * MIN), now);
    const history = rule.kind === 'anomaly' ? await hourlyHistory(deps.db, ids, rule.attribute, now) : new Map<string, Point[]>();
    const live = new Map(
      (await deps.db.selectFrom('observatory_alerts').select(['id', 'thing_id']).where('rule_id', '=', r.id).where('status', '<>', 'resolved').execute()).map((a) => [a.thing_id, a.id]),
    );
    for (const thing of things) {
      report.checked += 1;
      const own = series.get(thing.id) ?? [];
      const result = evaluateRule(rule, {
        series: own,
        lastSeen: thing.last_seen_at ? new Date(thing.last_seen_at).getTime() : null,
        now: now.getTime(),
        history: [...(history.get(thing.id) ?? []), ...own],
      });
      const alertId = live.get(thing.id);
      if (result.firing && !alertId) {
        await inUnitOfWork(deps, async (work) => {
          const opened = await work.db
            .insertInto('observatory_alerts')
            .values({ territory_id: r.territory_id, rule_id: r.id, thing_id: thing.id, status: 'open', since: result.since === null ? null : new Date(result.since), observed: result.observed, expected: result.expected, opened_at: now })
            .onConflict((oc) => oc.columns(['rule_id', 'thing_id']).where('status', '<>', 'resolved').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!opened) return;
          report.opened += 1;
          const label = thing.name ?? thing.entity_id;
          const sent = await notify(
            work.db,
            { territoryId: r.territory_id, userIds: await memberIdsWithRoles(work.db, r.territory_id, ['operator']), kind: 'observatory.alert_opened', params: { alertId: opened.id, rule: r.name, thing: label }, link: `/t/${r.slug}/observatoire`, mail: (locale) => MAIL[locale](r.name, label) },
            { now, publicUrl: deps.config.publicUrl },
          );
          report.mailed += sent.mailed;
          work.mailQueued(sent.mailed);
          work.publish('observatory.alert_changed', { territoryId: r.territory_id, alertId: opened.id });
        });
      } else if (result.firing && alertId) {
        await deps.db.updateTable('observatory_alerts').set({ observed: result.observed, expected: result.expected }).where('id', '=', alertId).execute();
      } else if (!result.firing && alertId) {
        await inUnitOfWork(deps, async (work) => {
          const closed = await work.db.updateTable('observatory_alerts').set({ status: 'resolved', resolved_at: now, resolved_by: null }).where('id', '=', alertId).where('status', '<>', 'resolved').returning('id').executeTakeFirst();
          if (!closed) return;
          report.resolved += 1;
          work.publish('observatory.alert_changed', { territoryId: r.territory_id, alertId });
        });
      }
    }
  }
  return report;
}
