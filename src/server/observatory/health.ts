/** @module A thing's health, pure: ok, silent for longer than it should, faulty by its own report, or never heard. */

export type Health = 'ok' | 'silent' | 'faulty' | 'unknown';

/** Faulty when the device says so (`deviceState` or a traffic light's `status`), else by its last reading's age. */
export function healthOf(thing: { last_seen_at: Date | null; silent_after_seconds: number; attributes: Record<string, unknown> }, now: Date): Health {
  const valueOf = (name: string) => {
    const attribute = thing.attributes[name];
    return attribute && typeof attribute === 'object' ? (attribute as { value?: unknown }).value : undefined;
  };
  if (valueOf('deviceState') === 'faulty' || valueOf('status') === 'faulty') return 'faulty';
  if (!thing.last_seen_at) return 'unknown';
  return now.getTime() - thing.last_seen_at.getTime() > thing.silent_after_seconds * 1000 ? 'silent' : 'ok';
}
