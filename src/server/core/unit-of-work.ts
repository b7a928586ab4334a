/**
 * @module The unit of work: one transaction, and the events its use-case queued (mail to send, live updates),
 * published on the bus only once the transaction has committed. A rollback publishes nothing, so no subscriber
 * ever reacts to a write that did not happen.
 * @example
 * const id = await inUnitOfWork(deps, async (work) => {
 *   const row = await work.db.insertInto('missions')…;
 *   work.mailQueued(await sendNotice(work.db, …));
 *   work.publish('gesture.recorded', { territoryId, userId });
 *   return row.id;
 * });
 */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database, Transaction } from './database/schema.ts';
import type { EventBus, EventMap } from './events.ts';

/** The ports a use-case receives: one shape for every capability (`useCase(deps, scope, input)`). */
export interface Deps {
  db: Database;
  clock: Clock;
  config: Config;
  /** Absent in a few command-line runs that publish nothing. */
  bus?: EventBus | undefined;
}

export interface UnitOfWork {
  /** The transaction: every read and write of the use-case goes through it (a `Transaction`, for callees that need one). */
  db: Transaction;
  /** Queues an event, published after commit. */
  publish<K extends keyof EventMap>(name: K, payload: EventMap[K]): void;
  /** Queues a wake-up for the mail dispatcher for `count` mails written to the outbox (nothing when 0). */
  mailQueued(count: number): void;
}

type Queued = { [K in keyof EventMap]: { name: K; payload: EventMap[K] } }[keyof EventMap];

/**
 * Runs `work` in one transaction, then publishes what it queued, in order; the mail wake-ups are summed into one
 * `mail.queued`. When `work` throws, the transaction rolls back, nothing is published, and the error propagates.
 */
export async function inUnitOfWork<T>(deps: { db: Database; bus?: EventBus | undefined }, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
  const queued: Queued[] = [];
  let mailed = 0;
  const result = await deps.db.transaction().execute((trx) =>
    work({
      db: trx,
      publish: (name, payload) => void queued.push({ name, payload } as Queued),
      mailQueued: (count) => {
        mailed += count;
      },
    }),
  );
  if (mailed > 0) queued.push({ name: 'mail.queued', payload: { count: mailed } });
  for (const event of queued) deps.bus?.publish(event.name, event.payload);
  return result;
}
