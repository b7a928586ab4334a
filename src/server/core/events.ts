/** @module A typed in-process event bus; capabilities publish facts, others subscribe. */
import { EventEmitter } from 'node:events';

/** Every event Maille publishes, by name. Capabilities add theirs here. */
export interface EventMap {
  /** A transaction that queued mail has committed: the dispatcher may send it. */
  'mail.queued': { count: number };
  /** A gesture was recorded: live impact views of the person's communities refresh. */
  'gesture.recorded': { territoryId: string; userId: string };
  /** An open carpool trip was created, changed or closed: every process updates its match index. */
  'carpool.trip_changed': { territoryId: string; tripId: string };
  /** A territory changed its matching rules: every process rebuilds that territory's index. */
  'carpool.settings_changed': { territoryId: string };
  /** A ride changed (proposed, accepted, declined, cancelled, confirmed, a message): its page refreshes live. */
  'carpool.ride_changed': { territoryId: string; matchId: string };
  /** Someone joined, left, was approved in or removed from a community: their trips' shared communities change. */
  'community.membership_changed': { territoryId: string; communityId: string; userId: string };
  /** An account was erased (its trips, memberships and profile are gone): in-memory views drop what they kept of it. */
  'account.erased': { userId: string };
  /** An observatory alert opened, was acknowledged, resolved or cleared: operators' live views refresh. */
  'observatory.alert_changed': { territoryId: string; alertId: string };
  /** A command to equipment was approved (or needed no approval): the delivery may send it now. */
  'observatory.command_due': { territoryId: string; commandId: string };
  /** A command leaves for one thing (first send or a retry): the MQTT side publishes it on the thing's command topic. */
  'observatory.command_sent': { territoryId: string; territorySlug: string; commandId: string; thingId: string; entityId: string; command: string; params: Record<string, number>; attempt: number };
  /** A command's state changed (an answer, a failure, its end): operators' live views refresh. */
  'observatory.command_changed': { territoryId: string; commandId: string };
}

export interface EventBus {
  publish<K extends keyof EventMap>(name: K, payload: EventMap[K]): void;
  subscribe<K extends keyof EventMap>(name: K, handler: (payload: EventMap[K]) => void): () => void;
}

export function createEventBus(): EventBus {
  const emitter = new EventEmitter();
  return {
    publish: (name, payload) => {
      emitter.emit(name, payload);
    },
    subscribe: (name, handler) => {
      emitter.on(name, handler);
      return () => emitter.off(name, handler);
    },
  };
}
