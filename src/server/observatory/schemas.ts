/** @module Request and response schemas of the observatory's ingestion, registry, keys and indicators routes. */
import { Type, type Static } from 'typebox';
import { DateTime, IdParam, Nullable, problemResponsesFor, StringEnum, TerritoryParam } from '../core/http/schemas.ts';
import { JsonObject } from '../audit/index.ts';
import { KEY_SCOPES } from './keys.ts';
import { REJECTION_REASONS } from './validate-reading.ts';

/** Every `reason` an observatory refusal carries, for clients to branch on. */
export const OBSERVATORY_REASONS = [...REJECTION_REASONS, 'all_rejected', 'malformed_file', 'type_conflict', 'unknown_commune'] as const;
export const observatoryProblems = problemResponsesFor(OBSERVATORY_REASONS);

/** Readings per HTTP batch at most. */
export const MAX_BATCH = 5000;

export const Reading = Type.Object(
  {
    entityId: Type.String({ minLength: 1, maxLength: 256, description: 'the thing’s NGSI-LD id (urn:ngsi-ld:<Type>:<territory>:<local id>) or its local id' }),
    attribute: Type.String({ minLength: 1, maxLength: 64, description: 'a Smart Data Models attribute of the thing’s type, e.g. no2, intensity, status' }),
    observedAt: Type.String({ minLength: 1, maxLength: 64, description: 'ISO 8601 with an offset; at most 2 minutes ahead, at most OBSERVATORY_LATE_DAYS (7) days late' }),
    value: Type.Union([Type.Number(), Type.String({ maxLength: 64 })], { description: 'a number, or a state (free, occupied, on…)' }),
    unitCode: Type.Optional(Type.String({ maxLength: 8, description: 'UN/CEFACT common code (GQ for µg/m³, KMH, C62…)' })),
  },
  { additionalProperties: false },
);
export const ReadingBatch = Type.Array(Reading, { minItems: 1, maxItems: MAX_BATCH, description: `1 to ${MAX_BATCH} readings (JSON), or the same as text/csv with the header entity_id,attribute,observed_at,value,unit_code` });

const Rejected = Type.Object({
  index: Type.Integer({ description: 'position of the reading in the batch (0-based; for CSV, the data row, 0 = the line after the header)' }),
  field: Type.String({ description: 'JSON pointer of the field: /entityId, /attribute, /observedAt, /value, /unitCode' }),
  reason: StringEnum(REJECTION_REASONS),
});
export const IngestAnswer = Type.Object({
  stored: Type.Integer({ description: 'readings written now' }),
  duplicates: Type.Integer({ description: 'readings already stored (a retry): nothing changed' }),
  rejected: Type.Array(Rejected, { description: 'readings refused, each with its field and reason; the others are stored' }),
});
export type IngestAnswer = Static<typeof IngestAnswer>;

export const HEALTHS = ['ok', 'silent', 'faulty', 'unknown'] as const;
export const Health = StringEnum(HEALTHS, 'ok; silent (nothing for longer than silentAfterSeconds); faulty (it reports deviceState faulty); unknown (never heard)');

export const Thing = Type.Object({
  id: Type.String(),
  entityId: Type.String(),
  type: Type.String(),
  known: Type.Boolean({ description: 'false for a type Maille does not read (shown as other)' }),
  name: Nullable(Type.String()),
  ownerService: Nullable(Type.String({ description: 'the city department that answers for it' })),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  communeCode: Nullable(Type.String()),
  silentAfterSeconds: Type.Integer(),
  lastSeenAt: Nullable(DateTime),
  health: Health,
});
export type Thing = Static<typeof Thing>;
export const ThingList = Type.Object({ items: Type.Array(Thing), counts: Type.Record(Type.String(), Type.Integer(), { description: 'things per health' }) });
export type ThingList = Static<typeof ThingList>;
export const ThingListQuery = Type.Object(
  { type: Type.Optional(Type.String({ maxLength: 128 })), health: Type.Optional(Health), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })) },
  { additionalProperties: false },
);
export type ThingListQuery = Static<typeof ThingListQuery>;

export const ThingDetail = Type.Object({
  ...Thing.properties,
  attributes: JsonObject('NGSI-LD normalized attributes: static values and the latest reading of each', 6),
  readings: Type.Array(
    Type.Object({ attribute: Type.String(), observedAt: DateTime, value: Nullable(Type.Number()), textValue: Nullable(Type.String()), unitCode: Nullable(Type.String()), source: Type.String() }),
    { description: 'the last 50 readings, newest first' },
  ),
  rejections: Type.Array(Type.Object({ source: Type.String(), reason: Type.String(), n: Type.Integer(), lastAt: DateTime, lastSample: Nullable(Type.String()) }), { description: 'readings refused for this device, counted per reason' }),
});
export type ThingDetail = Static<typeof ThingDetail>;

export const ThingParams = Type.Object({ ...TerritoryParam.properties, id: IdParam });
export const ThingBody = Type.Object(
  {
    type: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,127}$', description: 'a Smart Data Models type (TrafficFlowObserved, AirQualityObserved…) or another' }),
    localId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,100}$', description: 'the id the device publishes under; its entity id is urn:ngsi-ld:<type>:<territory>:<localId>' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ownerService: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    silentAfterSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 30 * 86400 })),
  },
  { additionalProperties: false },
);
export type ThingBody = Static<typeof ThingBody>;
export const ThingPatch = Type.Object(
  {
    name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    ownerService: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 120 }))),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    silentAfterSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 30 * 86400 })),
  },
  { additionalProperties: false },
);
export type ThingPatch = Static<typeof ThingPatch>;

export const ObservatoryKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(StringEnum(KEY_SCOPES)),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
});
export const CreatedKey = Type.Object({ ...ObservatoryKey.properties, secret: Type.String({ description: 'the key, shown this once: Authorization: Bearer <secret>, or the MQTT password' }) });
export const KeyList = Type.Object({ items: Type.Array(ObservatoryKey) });
export const KeyBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120 }), scopes: Type.Array(StringEnum(KEY_SCOPES), { minItems: 1, maxItems: 3, default: ['ingest'] }) },
  { additionalProperties: false },
);
export const KeyParams = Type.Object({ ...TerritoryParam.properties, id: IdParam });

/** Indicators: a CSV of values per commune and day, with where it comes from. */
export const MAX_INDICATOR_FILE = 2_000_000;
export const IndicatorImportBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    publisher: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. Santé publique France' }),
    licence: Type.String({ minLength: 1, maxLength: 200, description: 'e.g. Licence Ouverte v2.0' }),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
    csv: Type.String({ minLength: 1, maxLength: MAX_INDICATOR_FILE, description: 'the file’s text: a header naming the commune (com, code_commune, insee), the day (jour, date, day), and either indicateur + valeur columns or one column per indicator; `,` or `;` separated' }),
  },
  { additionalProperties: false },
);
export type IndicatorImportBody = Static<typeof IndicatorImportBody>;
const IndicatorSource = Type.Object({
  id: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  licence: Type.String(),
  url: Nullable(Type.String()),
  importedAt: DateTime,
  rowsImported: Type.Integer(),
  rowsRejected: Type.Integer(),
  indicators: Type.Array(Type.String()),
  firstDay: Nullable(Type.String()),
  lastDay: Nullable(Type.String()),
});
export type IndicatorSource = Static<typeof IndicatorSource>;
export const IndicatorReport = Type.Object({
  source: IndicatorSource,
  rejected: Type.Array(Type.Object({ line: Type.Integer({ description: 'line of the file, 1 = the header' }), field: Type.String(), reason: Type.String() }), { description: 'at most the first 100 rows refused' }),
});
export type IndicatorReport = Static<typeof IndicatorReport>;
export const IndicatorSourceList = Type.Object({ items: Type.Array(IndicatorSource) });
export type IndicatorSourceList = Static<typeof IndicatorSourceList>;

/** The readings route's body: a JSON array, or the CSV text (text/csv). */
export const ReadingsBody = Type.Union([ReadingBatch, Type.String({ minLength: 1, maxLength: 2 * 1024 * 1024, description: 'text/csv: entity_id,attribute,observed_at,value,unit_code' })]);

/** The alert, zone and command shapes the web's observatory page reads (the web imports a capability's schemas.ts only). */
export type { AlertListT, AlertT } from './alerts/schemas.ts';
export type { ClusterMapT, ZoneMapT, ZoneT } from './zones/schemas.ts';
export type { CommandBodyT, CommandT } from './commands/schemas.ts';
