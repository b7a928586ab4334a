/** @module Request and response schemas of the observatory's alert rules and alerts. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, problemResponsesFor, StringEnum, TerritoryParam } from '../../core/http/schemas.ts';

/** Every `reason` an alert refusal carries. */
export const ALERT_REASONS = ['unknown_thing', 'already_resolved', 'not_open', 'rule_target'] as const;
export const alertProblems = problemResponsesFor(ALERT_REASONS);

const Attribute = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z][A-Za-z0-9_]*$', description: 'the attribute watched, e.g. pm10' });
const Minutes = (description: string) => Type.Integer({ minimum: 0, maximum: 10_080, description });

export const Threshold = Type.Object(
  { kind: Type.Literal('threshold'), attribute: Attribute, op: StringEnum(['>', '>=', '<', '<='] as const), value: Type.Number(), forMinutes: Minutes('how long every reading must stay beyond the value (0: at once)') },
  { additionalProperties: false, description: 'e.g. PM10 over 50 µg/m³ for 60 minutes' },
);
export const RateOfChange = Type.Object(
  { kind: Type.Literal('rate'), attribute: Attribute, direction: StringEnum(['rise', 'fall'] as const), change: Type.Number({ exclusiveMinimum: 0 }), withinMinutes: Type.Integer({ minimum: 1, maximum: 1440 }) },
  { additionalProperties: false, description: 'a rise or fall of at least `change` within the window' },
);
export const Silence = Type.Object(
  { kind: Type.Literal('silence'), minutes: Type.Integer({ minimum: 1, maximum: 10_080 }) },
  { additionalProperties: false, description: 'no reading of any attribute for this long' },
);
export const Anomaly = Type.Object(
  { kind: Type.Literal('anomaly'), attribute: Attribute, z: Type.Number({ minimum: 1, maximum: 20, description: 'robust deviations from the seasonal baseline' }), forMinutes: Minutes('how long the readings must stay that far') },
  { additionalProperties: false, description: 'readings far from the same weekday and time over the past four weeks' },
);
export const RuleCondition = Type.Union([Threshold, RateOfChange, Silence, Anomaly]);

export const Severity = StringEnum(['info', 'warning', 'critical'] as const);

export const AlertRuleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    thingType: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'every thing of this type (or give thingId)' })),
    thingId: Type.Optional(IdParam),
    condition: RuleCondition,
    severity: Type.Optional(Severity),
  },
  { additionalProperties: false },
);
export const AlertRulePatch = Type.Object({ active: Type.Optional(Type.Boolean()), name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })), severity: Type.Optional(Severity) }, { additionalProperties: false, minProperties: 1 });

export const AlertRule = Type.Object({
  id: Type.String(),
  name: Type.String(),
  thingType: Nullable(Type.String()),
  thingId: Nullable(Type.String()),
  condition: RuleCondition,
  severity: Severity,
  active: Type.Boolean(),
  createdAt: DateTime,
});
export const AlertRuleList = Type.Object({ rules: Type.Array(AlertRule) });

export const AlertStatus = StringEnum(['open', 'acknowledged', 'resolved'] as const);
export const Alert = Type.Object({
  id: Type.String(),
  status: AlertStatus,
  severity: Severity,
  rule: Type.Object({ id: Type.String(), name: Type.String(), condition: RuleCondition }),
  thing: Type.Object({ id: Type.String(), entityId: Type.String(), type: Type.String(), name: Nullable(Type.String()), ownerService: Nullable(Type.String()), lat: Nullable(Type.Number()), lon: Nullable(Type.Number()) }),
  since: Nullable(DateTime),
  observed: Nullable(Type.Number({ description: 'the figure that fired: latest value, change, silent minutes or z-score' })),
  expected: Nullable(Type.Number({ description: 'what it was compared with: the threshold, the change, the minutes or the baseline median' })),
  openedAt: DateTime,
  acknowledged: Nullable(Type.Object({ by: Nullable(Type.String({ description: 'display name of the operator' })), at: DateTime })),
  resolved: Nullable(Type.Object({ by: Nullable(Type.String({ description: 'display name; null when the condition cleared by itself' })), at: DateTime })),
  note: Nullable(Type.String()),
});
export const AlertList = Type.Object({ alerts: Type.Array(Alert), counts: Type.Object({ open: Type.Integer(), acknowledged: Type.Integer() }) });
export const AlertListQuery = Type.Object({ status: Type.Optional(StringEnum(['live', 'open', 'acknowledged', 'resolved'] as const, 'live (default): open and acknowledged')), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false });
export const ResolveBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false });
export const AlertParams = Type.Object({ ...TerritoryParam.properties, id: IdParam });

export type RuleConditionT = Static<typeof RuleCondition>;
export type AlertRuleBodyT = Static<typeof AlertRuleBody>;
export type AlertRulePatchT = Static<typeof AlertRulePatch>;
export type AlertRuleT = Static<typeof AlertRule>;
export type AlertT = Static<typeof Alert>;
export type AlertListT = Static<typeof AlertList>;
export type AlertListQueryT = Static<typeof AlertListQuery>;
