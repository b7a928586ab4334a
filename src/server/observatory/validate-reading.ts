/** @module The one validator of sensor readings, pure: a reading against its thing's type, the clock and the late window. */
import { isTimestamp } from '../core/dates.ts';
import { attributeSpec, type ThingRef } from './things.ts';

/** One reading as a feeder sends it (HTTP batch, MQTT payload, NGSI-LD attribute with observedAt). */
export interface ReadingInput {
  /** The thing's NGSI-LD entity id (`urn:ngsi-ld:…`), or its local id (the last part, as MQTT topics name it). */
  entityId: string;
  attribute: string;
  /** ISO 8601 with an offset. */
  observedAt: string;
  value: number | string;
  unitCode?: string;
}

export const REJECTION_REASONS = [
  'unknown_thing',
  'unknown_attribute',
  'wrong_unit',
  'wrong_value',
  'not_finite',
  'bad_time',
  'in_the_future',
  'too_late',
  'malformed',
  'not_json',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Rejection {
  index: number;
  /** JSON pointer of the field inside the reading: `/entityId`, `/attribute`, `/unitCode`, `/value`, `/observedAt`, or `` for the whole reading. */
  field: string;
  reason: RejectionReason;
}

/** A reading ready to store. */
export interface AcceptedReading {
  index: number;
  thingId: string;
  attribute: string;
  observedAt: Date;
  value: number | null;
  textValue: string | null;
  unitCode: string | null;
}

/** A reading may be observed at most this far ahead of the server's clock (clocks of devices drift). */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;
const MAX_TEXT = 64;

/**
 * Accepts or rejects one reading. `thing` is the resolved thing (undefined: unknown in this territory).
 * @example validateReading(0, { entityId: 'x', attribute: 'no2', observedAt: '…', value: 21, unitCode: 'GQ' }, thing, now, 7)
 */
export function validateReading(index: number, reading: ReadingInput, thing: ThingRef | undefined, now: Date, lateDays: number): AcceptedReading | Rejection {
  const reject = (field: string, reason: RejectionReason): Rejection => ({ index, field, reason });
  if (!thing) return reject('/entityId', 'unknown_thing');
  if (typeof reading.attribute !== 'string' || !/^[A-Za-z][\w.-]{0,63}$/.test(reading.attribute)) return reject('/attribute', 'unknown_attribute');
  const spec = attributeSpec(thing.type, reading.attribute);
  if (spec === null) return reject('/attribute', 'unknown_attribute');
  if (!isTimestamp(reading.observedAt)) return reject('/observedAt', 'bad_time');
  const observedAt = new Date(reading.observedAt);
  if (observedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return reject('/observedAt', 'in_the_future');
  if (observedAt.getTime() < now.getTime() - lateDays * 86_400_000) return reject('/observedAt', 'too_late');
  const unit = reading.unitCode;
  if (unit !== undefined && (typeof unit !== 'string' || !/^[A-Z0-9]{2,3}$/.test(unit))) return reject('/unitCode', 'wrong_unit');
  const value = reading.value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return reject('/value', 'not_finite');
    if (spec !== 'any') {
      if (spec.kind !== 'number') return reject('/value', 'wrong_value');
      if (unit !== undefined && !spec.units.includes(unit)) return reject('/unitCode', 'wrong_unit');
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max) || (spec.integer && !Number.isInteger(value))) {
        return reject('/value', 'wrong_value');
      }
      return { index, thingId: thing.id, attribute: reading.attribute, observedAt, value, textValue: null, unitCode: unit ?? spec.units[0] ?? null };
    }
    return { index, thingId: thing.id, attribute: reading.attribute, observedAt, value, textValue: null, unitCode: unit ?? null };
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT || hasControlCharacter(value)) return reject('/value', 'wrong_value');
  if (spec !== 'any') {
    if (spec.kind !== 'text' || (spec.values && !spec.values.includes(value))) return reject('/value', 'wrong_value');
    if (unit !== undefined) return reject('/unitCode', 'wrong_unit');
  }
  return { index, thingId: thing.id, attribute: reading.attribute, observedAt, value: null, textValue: value, unitCode: unit ?? null };
}

/** A state is printable text: no control character. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Whether a validation outcome is a rejection. */
export function isRejection(outcome: AcceptedReading | Rejection): outcome is Rejection {
  return 'reason' in outcome;
}
