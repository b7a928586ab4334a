/** @module HTTP routes of the observatory's alerts and alert rules (operators and admins). */
import type { RouteModule } from '../../core/http/build-app.ts';
import { TerritoryParam } from '../../core/http/schemas.ts';
import { getAlert, handleAlert, listAlerts } from './alerts.ts';
import { createAlertRule, listAlertRules, updateAlertRule } from './manage-rules.ts';
import * as S from './schemas.ts';

const tags = ['observatory'];
const base = '/api/territories/:territory/observatory';
const security = [{ session: [] }];
const problems = S.alertProblems;

export const alertRoutes: RouteModule = (app, deps) => {
  app.get(`${base}/alerts`, {
    schema: {
      tags, summary: 'List the observatory’s alerts', operationId: 'listObservatoryAlerts', security,
      description: 'Operators and admins: live alerts (open, then acknowledged) by severity and newest first, or those of one status; with the counts of live ones. Each carries its rule, its thing and the figures that made it fire.',
      params: TerritoryParam, querystring: S.AlertListQuery, response: { 200: S.AlertList, ...problems },
    },
    handler: async (req) => listAlerts(deps, req.scope, req.query),
  });

  app.get(`${base}/alerts/:id`, {
    schema: { tags, summary: 'Read one alert', operationId: 'getObservatoryAlert', security, params: S.AlertParams, response: { 200: S.Alert, ...problems } },
    handler: async (req) => getAlert(deps, req.scope, req.params.id),
  });

  app.post(`${base}/alerts/:id/acknowledge`, {
    schema: {
      tags, summary: 'Acknowledge an alert (audited)', operationId: 'acknowledgeObservatoryAlert', security,
      description: 'An operator takes an open alert in hand: it records who and when. Acknowledging it again answers it unchanged; a resolved alert is a 409 `already_resolved`.',
      params: S.AlertParams, response: { 200: S.Alert, ...problems },
    },
    handler: async (req) => handleAlert(deps, req.scope, { id: req.params.id, action: 'acknowledge' }),
  });

  app.post(`${base}/alerts/:id/resolve`, {
    schema: {
      tags, summary: 'Resolve an alert (audited)', operationId: 'resolveObservatoryAlert', security,
      description: 'An operator closes a live alert, with an optional note. Resolving it again answers it unchanged. An alert whose condition clears resolves by itself (no name under `resolved.by`).',
      params: S.AlertParams, body: S.ResolveBody, response: { 200: S.Alert, ...problems },
    },
    handler: async (req) => handleAlert(deps, req.scope, { id: req.params.id, action: 'resolve', note: req.body.note }),
  });

  app.get(`${base}/alert-rules`, {
    schema: { tags, summary: 'List alert rules', operationId: 'listObservatoryAlertRules', security, params: TerritoryParam, response: { 200: S.AlertRuleList, ...problems } },
    handler: async (req) => listAlertRules(deps, req.scope),
  });

  app.post(`${base}/alert-rules`, {
    schema: {
      tags, summary: 'Create an alert rule (audited)', operationId: 'createObservatoryAlertRule', security,
      description: 'A threshold held for a duration, a rate of change, a silence or an anomaly against the seasonal baseline, on every thing of a type (`thingType`) or on one thing (`thingId`) — one of the two (400 `rule_target`).',
      params: TerritoryParam, body: S.AlertRuleBody, response: { 201: S.AlertRule, ...problems },
    },
    handler: async (req, reply) => reply.status(201).send(await createAlertRule(deps, req.scope, req.body)),
  });

  app.patch(`${base}/alert-rules/:id`, {
    schema: { tags, summary: 'Pause, resume or rename an alert rule (audited)', operationId: 'updateObservatoryAlertRule', security, params: S.AlertParams, body: S.AlertRulePatch, response: { 200: S.AlertRule, ...problems } },
    handler: async (req) => updateAlertRule(deps, req.scope, { ...req.body, id: req.params.id }),
  });
};
