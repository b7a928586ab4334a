/**
 * @module What an MQTT message to the observatory means, pure: the topic `maille/<territory>/things/<device>/readings`
 * names the territory and the device (its local id or entity id), the JSON payload one reading or an array of them.
 */
import type { ReadingInput } from './validate-reading.ts';

export const TOPIC_PREFIX = 'maille';
/** What the observatory subscribes to on an external broker (MQTT_URL). */
export const READINGS_SUBSCRIPTION = `${TOPIC_PREFIX}/+/things/+/readings`;

/** The topic a device publishes its readings to. */
export function readingsTopic(territorySlug: string, device: string): string {
  return `${TOPIC_PREFIX}/${territorySlug}/things/${device}/readings`;
}

/** The territory and device of a readings topic, or null for any other topic. */
export function parseReadingsTopic(topic: string): { territory: string; device: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || parts[0] !== TOPIC_PREFIX || parts[2] !== 'things' || parts[4] !== 'readings') return null;
  const [territory, device] = [parts[1]!, parts[3]!];
  return territory && device && device.length <= 256 ? { territory, device } : null;
}

/** The territory slug a topic under `maille/<territory>/…` belongs to, or null. */
export function territoryOfTopic(topic: string): string | null {
  const parts = topic.split('/');
  return parts[0] === TOPIC_PREFIX && parts.length >= 2 && parts[1] ? parts[1] : null;
}

/**
 * The readings of a payload, the device taken from the topic (an `entityId` in the payload is ignored: a device
 * speaks for itself only). Null when the payload is not JSON or holds neither an object nor an array of objects.
 * @example readingsOfPayload('air-1', Buffer.from('{"attribute":"no2","observedAt":"…","value":21}'))
 */
export function readingsOfPayload(device: string, payload: Buffer | string): ReadingInput[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return null;
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  if (items.length === 0 || items.some((item) => typeof item !== 'object' || item === null || Array.isArray(item))) return null;
  return items.map((item) => ({ ...(item as ReadingInput), entityId: device }));
}
