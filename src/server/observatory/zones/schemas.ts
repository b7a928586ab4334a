/** @module Request and response schemas of the observatory's zones. */
import { Type, type Static } from 'typebox';
import { CalendarDate, DateTime, Nullable, problemResponsesFor, StringEnum } from '../../core/http/schemas.ts';

export const ZONE_REASONS = ['no_indicator', 'thresholds_order'] as const;
export const zoneProblems = problemResponsesFor(ZONE_REASONS);

export const ZoneColour = StringEnum(['green', 'orange', 'red'] as const);
export const ZoneMode = StringEnum(['incidence7d', 'latest'] as const, 'incidence7d: daily new cases read as cases per 100,000 inhabitants over 7 days; latest: the indicator’s latest value as published');

export const ZoneSettingsBody = Type.Object(
  {
    indicator: Type.String({ minLength: 1, maxLength: 64, description: 'the imported indicator’s name, e.g. cas' }),
    mode: Type.Optional(ZoneMode),
    orange: Type.Number({ minimum: 0, description: 'at or above: orange' }),
    red: Type.Number({ minimum: 0, description: 'at or above: red; at or above orange' }),
  },
  { additionalProperties: false },
);

/** A zone in the FIWARE Smart Data Models `Alert` shape (key-values), so dashboards that read alerts read zones. */
export const SmartDataAlert = Type.Object({
  id: Type.String({ description: 'urn:ngsi-ld:Alert:<territory>:zone:<commune>:<day>' }),
  type: Type.Literal('Alert'),
  category: Type.Literal('health'),
  subCategory: Type.String(),
  severity: StringEnum(['medium', 'high'] as const, 'orange: medium, red: high'),
  description: Type.String(),
  alertSource: Type.String(),
  dateIssued: DateTime,
  validFrom: DateTime,
  location: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: 'longitude, latitude' }) }),
});

export const Zone = Type.Object({
  communeCode: Type.String(),
  name: Type.String(),
  population: Type.Integer(),
  lat: Type.Number(),
  lon: Type.Number(),
  colour: Nullable(ZoneColour),
  value: Nullable(Type.Number({ description: 'the figure read: cases per 100,000 over 7 days, or the latest published value' })),
  reason: StringEnum(['indicator', 'cluster', 'no_data'] as const),
});

export const ZoneMap = Type.Object({
  configured: Type.Boolean({ description: 'false until an admin sets the indicator and thresholds: no colours then' }),
  indicator: Nullable(Type.String()),
  mode: Nullable(ZoneMode),
  thresholds: Nullable(Type.Object({ orange: Type.Number(), red: Type.Number() })),
  day: Nullable(CalendarDate),
  source: Nullable(Type.Object({ title: Type.String(), publisher: Type.String(), licence: Type.String(), url: Nullable(Type.String()), importedAt: DateTime })),
  method: Type.String({ description: 'how the colours were read, in words' }),
  zones: Type.Array(Zone),
  alerts: Type.Array(SmartDataAlert),
});

export const ClusterMap = Type.Object({
  indicator: Nullable(Type.String()),
  day: Nullable(CalendarDate),
  method: Type.String({ description: 'the statistics used, in words' }),
  note: Nullable(Type.String({ description: 'why there is no cluster, when there is none' })),
  clusters: Type.Array(
    Type.Object({
      method: StringEnum(['kulldorff-poisson', 'space-time-permutation'] as const),
      centre: Type.Object({ communeCode: Type.String(), name: Type.String(), lat: Type.Number(), lon: Type.Number() }),
      radiusMetres: Type.Number({ description: 'to the farthest commune centre inside, rounded to 10 m' }),
      communes: Type.Array(Type.Object({ communeCode: Type.String(), name: Type.String() })),
      cases: Type.Integer(),
      expected: Type.Number({ description: 'cases expected inside under equal risk, one decimal' }),
      relativeRisk: Nullable(Type.Number({ description: 'risk inside over risk outside, two decimals' })),
      pValue: Type.Number({ description: 'Monte Carlo p-value: (1 + replicas at least as extreme) / (replicas + 1)' }),
      days: Type.Integer({ description: 'the last days the cluster covers (7 for the spatial scan)' }),
      replicas: Type.Integer(),
    }),
  ),
});

export type ClusterMapT = Static<typeof ClusterMap>;
export type ZoneSettingsBodyT = Static<typeof ZoneSettingsBody>;
export type ZoneT = Static<typeof Zone>;
export type ZoneMapT = Static<typeof ZoneMap>;
